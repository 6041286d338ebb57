import { prisma } from '../db';
import { notFound } from '../errors';
import { toLocal } from '../time/zoned';
import { parseHourlyFilter } from './hourly-filter';
import { hourlyFacetsSql, hourlyRowsSql, type FacetRow, type HourlyRow, type HourlySqlInput } from './hourly-sql';
import { toWireMoney } from './money-wire';
import { decodePageToken, encodePageToken, queryFingerprint } from './page-token';
import type { BillHourlyDetail, BossFilter, HourlyDetailsQuery, ListBillHourlyDetailsResponse, OrderField } from './schema';

export type HourlyDetailsInput = { tenantId: string; billId: string; query: HourlyDetailsQuery };

const DEFAULT_PAGE_SIZE = 50;

type BillContext = { state: string; timezone: string; zh: boolean; tenantType: string };

async function billContext(tenantId: string, billId: string): Promise<BillContext> {
  const bill = await prisma.bill.findUnique({
    where: { tenantId_id: { tenantId, id: billId } },
    select: { state: true, tenant: { select: { billingTimezone: true, locale: true, tenantType: true } } },
  });
  if (!bill) throw notFound(`bill "${billId}"`, 'BILL_NOT_FOUND');
  return { state: bill.state, timezone: bill.tenant.billingTimezone, zh: bill.tenant.locale === 'zh-CN', tenantType: bill.tenant.tenantType.toUpperCase() };
}

function parseOrder(orderBy: string | undefined): { field: OrderField; descending: boolean } {
  if (!orderBy) return { field: 'create_time', descending: true };
  const [field, direction] = orderBy.trim().split(/\s+/) as [OrderField, string | undefined];
  return { field, descending: direction?.toLowerCase() === 'desc' };
}

/** Everything but the page position, from the query; also what a page token is bound to. */
function sqlInput(input: HourlyDetailsInput, bill: BillContext): Omit<HourlySqlInput, 'after'> {
  const q = input.query;
  return {
    tenantId: input.tenantId, billId: input.billId, billState: bill.state,
    filter: parseHourlyFilter(q.filter), order: parseOrder(q.order_by),
    skuIds: [...new Set(q.sku_ids ?? [])].sort(), spuIds: [...new Set(q.spu_ids ?? [])].sort(),
    billDetailId: q.bill_detail_id, limit: q.page_size ?? DEFAULT_PAGE_SIZE,
  };
}

/** `yyyyMMddhh-hh` in the tenant's zone: 14:00–15:00 on 2026-11-03 → `2026110314-15`. */
export function billMonthLabel(hourStart: Date, timezone: string): string {
  const local = toLocal(hourStart, timezone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${local.year}${two(local.month)}${two(local.day)}${two(local.hour)}-${two(local.hour + 1)}`;
}

function toDetail(row: HourlyRow, bill: BillContext, tenantId: string): BillHourlyDetail {
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
    sku_id: row.sku_id, sku_name: name(row.sku_name, row.sku_name_zh), quantity: row.quantity,
    billing_item_property_name: row.billing_item_property_name, billing_item_display_name: name(row.sku_name, row.sku_name_zh),
    consume_type: `CT_${row.consume_type.toUpperCase()}` as BillHourlyDetail['consume_type'], consume_desc: row.consume_desc ?? '',
    resource_name: row.resource_name ?? '', subscription_name: name(row.plan_name, row.plan_name_zh), resource_instance_id: row.resource_id ?? '',
    management_group_display_name: row.management_group_name ?? '', billing_account_display_name: row.billing_account_name,
    management_group_uuid: row.management_group_uuid ?? '', backend_catalog_id: row.category_id,
    backend_catalog_displayname: name(row.category_name, row.category_name_zh), tenant_id: tenantId, tenant_type: bill.tenantType,
  };
}

/** The facet maps and the category → SPU → SKU tree of the matching rows (already in catalog order). */
function toFacets(groups: FacetRow[], zh: boolean): ListBillHourlyDetailsResponse['filter'] {
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

/** Seed 004 `GET /v1/bills/{bill_id}/hourlyDetails` for the caller's tenant (another tenant's bill is 404). */
export async function listBillHourlyDetails(input: HourlyDetailsInput): Promise<ListBillHourlyDetailsResponse> {
  const bill = await billContext(input.tenantId, input.billId);
  const base = sqlInput(input, bill);
  const { limit: _limit, ...shape } = base;
  const fingerprint = queryFingerprint(shape);
  const after = input.query.page_token ? decodePageToken(input.query.page_token, fingerprint) : undefined;
  const sql = { ...base, after };
  const [rows, groups] = await Promise.all([prisma.$queryRaw<HourlyRow[]>(hourlyRowsSql(sql)), prisma.$queryRaw<FacetRow[]>(hourlyFacetsSql(sql))]);
  const page = rows.slice(0, base.limit);
  const last = page.at(-1);
  return {
    bill_hourly_details: page.map((row) => toDetail(row, bill, input.tenantId)),
    next_page_token: rows.length > base.limit && last ? encodePageToken(fingerprint, { value: last.order_value, id: last.id }) : '',
    total_size: groups.reduce((total, g) => total + g.rows, 0),
    filter: toFacets(groups, bill.zh),
  };
}
