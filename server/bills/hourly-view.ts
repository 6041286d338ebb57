import { toLocal } from '../time/zoned';
import type { FacetRow, HourlyRow } from './hourly-sql';
import { money as exact } from '../money';
import { toWireMoney } from './money-wire';
import type { BillHourlyDetail, BossFilter, ListBillHourlyDetailsResponse } from './schema';

/**
 * How seed 004 prints charge-line rows and facet groups (no database here: the benchmark's bare
 * floor prints its rows with these very functions, so both answers can be compared byte for byte).
 */
export type BillContext = { state: string; timezone: string; zh: boolean; tenantType: string };

/** `yyyyMMddhh-hh` in the tenant's zone: 14:00–15:00 on 2026-11-03 → `2026110314-15`. */
export function billMonthLabel(hourStart: Date, timezone: string): string {
  const local = toLocal(hourStart, timezone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${local.year}${two(local.month)}${two(local.day)}${two(local.hour)}-${two(local.hour + 1)}`;
}

export function toDetail(row: HourlyRow, bill: BillContext, tenantId: string): BillHourlyDetail {
  const name = (en: string | null, zh: string | null) => (bill.zh ? zh ?? en : en) ?? '';
  const money = (amount: HourlyRow['amount']) => toWireMoney(amount, row.currency);
  return {
    id: row.id,
    resource_owner_id: row.owner_user_id ?? '', resource_owner_name: row.owner_name ?? '',
    resource_group_id: row.resource_group_id ?? '', resource_group_name: row.resource_group_name ?? '',
    subscription_id: row.subscription_id ?? '', billing_account_id: row.billing_account_id,
    bill_month: billMonthLabel(row.hour_start, bill.timezone),
    spu_id: row.spu_id, spu_name: name(row.spu_name, row.spu_name_zh),
    amount: money(row.amount), original_amount: money(row.original_amount), discount_amount: money(row.discount_amount),
    coupon_amount: money(row.coupon_amount), voucher_amount: money(row.voucher_amount),
    paid_amount: money(row.paid_amount), unpaid_amount: money(row.unpaid_amount),
    state: `BS_${bill.state.toUpperCase()}` as BillHourlyDetail['state'],
    payment_model: `PM_${row.payment_model.toUpperCase()}` as BillHourlyDetail['payment_model'],
    create_time: row.created_at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    sku_id: row.sku_id, sku_name: name(row.sku_name, row.sku_name_zh), quantity: exact(row.quantity),
    billing_item_property_name: row.billing_item_property_name, billing_item_display_name: name(row.sku_name, row.sku_name_zh),
    consume_type: `CT_${row.consume_type.toUpperCase()}` as BillHourlyDetail['consume_type'], consume_desc: row.consume_desc ?? '',
    resource_name: row.resource_name ?? '', subscription_name: name(row.plan_name, row.plan_name_zh), resource_instance_id: row.resource_id ?? '',
    management_group_display_name: row.management_group_name ?? '', billing_account_display_name: row.billing_account_name,
    management_group_uuid: row.management_group_uuid ?? '', backend_catalog_id: row.category_id,
    backend_catalog_displayname: name(row.category_name, row.category_name_zh), tenant_id: tenantId, tenant_type: bill.tenantType,
  };
}

/** The facet maps and the category → SPU → SKU tree of the matching rows (already in catalog order). */
export function toFacets(groups: FacetRow[], zh: boolean): ListBillHourlyDetailsResponse['filter'] {
  const name = (en: string | null, zhName: string | null) => (zh ? zhName ?? en : en) ?? '';
  const facets: ListBillHourlyDetailsResponse['filter'] = { resource_owner: {}, subscription_owner: {}, billing_accounts: {}, boss_filters: [] };
  const nodes = new Map<string, BossFilter>();
  const child = (siblings: BossFilter[], key: string, id: string, display: string) => {
    let node = nodes.get(key);
    if (!node) {
      node = { id, display_name: display, children: [] };
      nodes.set(key, node);
      siblings.push(node);
    }
    return node;
  };
  for (const g of groups) {
    if (g.owner_user_id) facets.resource_owner[g.owner_user_id] = g.owner_name ?? '';
    if (g.subscription_id) facets.subscription_owner[g.subscription_id] = name(g.plan_name, g.plan_name_zh);
    facets.billing_accounts[g.billing_account_id] = g.billing_account_name;
    const category = child(facets.boss_filters, g.category_id, g.category_id, name(g.category_name, g.category_name_zh));
    const spu = child(category.children, `${g.category_id}/${g.spu_id}`, g.spu_id, name(g.spu_name, g.spu_name_zh));
    child(spu.children, `${g.category_id}/${g.spu_id}/${g.sku_id}`, g.sku_id, name(g.sku_name, g.sku_name_zh));
  }
  return facets;
}
