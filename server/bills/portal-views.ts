import { prisma } from '../db';
import { notFound } from '../errors';
import { money, toDecimalString } from '../money';
import { listDailyBillDetails } from './daily-detail';
import { listBillHourlyDetails } from './hourly-details';
import { fromWireMoney, type WireMoney } from './money-wire';
import type { HourlyView, HourlyViewInput } from './portal-schema';
import type { HourlyDetailsQuery } from './schema';

/**
 * The portal's bill pages read the very answers of seeds 004 and 002 (same filters, same keyset
 * tokens, same sums), reshaped for people: decimal strings, names, one facet list per filter.
 */
export async function listBills(tenantId: string) {
  const bills = await prisma.bill.findMany({
    where: { tenantId },
    orderBy: [{ billMonth: 'desc' }, { id: 'asc' }],
    select: { id: true, billMonth: true, periodStart: true, periodEnd: true, currency: true, state: true, amount: true, billingAccountId: true, billingAccount: { select: { displayName: true } }, _count: { select: { chargeLines: true } } },
  });
  return {
    bills: bills.map((bill) => ({
      id: bill.id, billMonth: bill.billMonth, periodStart: bill.periodStart, periodEnd: bill.periodEnd, currency: bill.currency, state: `BS_${bill.state.toUpperCase()}`,
      amount: toDecimalString(bill.amount), billingAccountId: bill.billingAccountId, billingAccountName: bill.billingAccount.displayName, lines: bill._count.chargeLines,
    })),
  };
}

/** The structured filters of the page as seed 004's query (the filter conjunction and the id lists). */
export function hourlyQueryOf(input: Omit<HourlyViewInput, 'billId' | 'pageToken' | 'pageSize'> & { pageSize?: number; pageToken?: string }): HourlyDetailsQuery {
  const terms = [
    input.resourceGroupId && `resource_group_id = "${input.resourceGroupId}"`,
    input.resourceOwnerId && `resource_owner_id = "${input.resourceOwnerId}"`,
    input.consumeType && `consume_type = "${input.consumeType}"`,
  ].filter(Boolean);
  return {
    filter: terms.length ? terms.join(' AND ') : undefined, order_by: input.orderBy, page_size: input.pageSize, page_token: input.pageToken,
    sku_ids: input.skuIds.length ? input.skuIds : undefined, spu_ids: input.spuIds.length ? input.spuIds : undefined,
  };
}

const decimal = (m: WireMoney) => toDecimalString(fromWireMoney(m));

export async function readBillHourly(input: HourlyViewInput & { tenantId: string }): Promise<HourlyView> {
  const bill = await prisma.bill.findUnique({ where: { tenantId_id: { tenantId: input.tenantId, id: input.billId } }, select: { currency: true, billingAccountId: true } });
  if (!bill) throw notFound('bill', 'BILL_NOT_FOUND');
  const [page, groups] = await Promise.all([
    listBillHourlyDetails({ tenantId: input.tenantId, billId: input.billId, query: hourlyQueryOf(input) }),
    prisma.resourceGroup.findMany({ where: { tenantId: input.tenantId, billingAccountId: bill.billingAccountId }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  return {
    currency: bill.currency,
    rows: page.bill_hourly_details.map((row) => ({
      id: row.id, hour: row.bill_month, skuId: row.sku_id, skuName: row.sku_name, spuName: row.spu_name, resourceName: row.resource_name,
      resourceGroupName: row.resource_group_name, ownerName: row.resource_owner_name, quantity: toDecimalString(money(row.quantity)),
      originalAmount: decimal(row.original_amount), discountAmount: decimal(row.discount_amount), couponAmount: decimal(row.coupon_amount),
      voucherAmount: decimal(row.voucher_amount), amount: decimal(row.amount), paidAmount: decimal(row.paid_amount), unpaidAmount: decimal(row.unpaid_amount),
      consumeType: row.consume_type, paymentModel: row.payment_model, state: row.state,
    })),
    nextPageToken: page.next_page_token,
    total: page.total_size,
    facets: {
      owners: Object.entries(page.filter.resource_owner).map(([id, name]) => ({ id, name })),
      resourceGroups: groups,
      tree: page.filter.boss_filters.map((category) => ({
        id: category.id, name: category.display_name,
        children: category.children.map((spu) => ({ id: spu.id, name: spu.display_name, children: spu.children.map((sku) => ({ id: sku.id, name: sku.display_name })) })),
      })),
    },
  };
}

export async function readDailyBill(input: { tenantId: string; from: string; to: string }) {
  const rows = await listDailyBillDetails({ tenantId: input.tenantId, query: { startDate: input.from.replaceAll('-', ''), endDate: input.to.replaceAll('-', '') } });
  return {
    rows: rows.map((row) => ({
      day: row.consumeTimeOfDay, meter: row.tag6, meterName: row.productDetail, workspace: row.workspaceName, billingCycle: row.billingCycle, category: row.commodityCategory,
      count: toDecimalString(row.count), originAmount: toDecimalString(row.originAmount), couponAmount: toDecimalString(row.couponAmount),
      billingResult: toDecimalString(row.billingResult), storedCardAmount: toDecimalString(row.storedCardAmount), cashAmount: toDecimalString(row.cashAmount),
      oweAmount: toDecimalString(row.oweAmount),
    })),
  };
}
