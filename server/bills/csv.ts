import { z } from 'zod';
import { prisma } from '../db';
import { notFound } from '../errors';
import { csvLine } from '../platform/csv';
import { fromWireMoney } from './money-wire';
import { parseHourlyFilter } from './hourly-filter';
import { hourlyRowsSql, type HourlyRow, type HourlySqlInput } from './hourly-sql';
import { toDetail, type BillContext } from './hourly-view';
import { hourlyQueryOf } from './portal-views';
import { hourlyViewInput } from './portal-schema';

/** The export's query string: the page's filters by their wire names (`sku_ids` a comma list). */
export const billCsvQuery = z
  .strictObject({
    order_by: hourlyViewInput.shape.orderBy, sku_ids: z.string().max(4000).optional(), resource_group_id: z.string().optional(),
    resource_owner_id: z.string().optional(), consume_type: hourlyViewInput.shape.consumeType,
  })
  .transform((q) => hourlyViewInput.omit({ billId: true, pageSize: true, pageToken: true }).parse({
    orderBy: q.order_by, skuIds: q.sku_ids ? q.sku_ids.split(',').filter(Boolean) : [], resourceGroupId: q.resource_group_id,
    resourceOwnerId: q.resource_owner_id, consumeType: q.consume_type,
  }));

const BATCH = 1000;
const HEADER = ['id', 'bill_month', 'category', 'spu', 'sku', 'billing_item', 'resource', 'resource_group', 'owner', 'quantity', 'currency', 'original_amount', 'discount_amount', 'coupon_amount', 'voucher_amount', 'amount', 'paid_amount', 'unpaid_amount', 'consume_type', 'payment_model', 'state', 'create_time'];

/**
 * Every row of the bill that matches the page's filters, in the page's order, as CSV: keyset
 * batches of the same statement the page and seed 004 run (without the facets), so memory stays
 * bounded however large the bill, and the amounts are the charge lines' own digits.
 */
export async function* billHourlyCsv(tenantId: string, billId: string, filters: z.output<typeof billCsvQuery>): AsyncGenerator<string> {
  const bill = await prisma.bill.findUnique({ where: { tenantId_id: { tenantId, id: billId } }, select: { state: true, tenant: { select: { billingTimezone: true, locale: true, tenantType: true } } } });
  if (!bill) throw notFound('bill', 'BILL_NOT_FOUND');
  const context: BillContext = { state: bill.state, timezone: bill.tenant.billingTimezone, zh: bill.tenant.locale === 'zh-CN', tenantType: bill.tenant.tenantType.toUpperCase() };
  const query = hourlyQueryOf(filters);
  const [field, direction] = (query.order_by ?? 'create_time desc').split(' ') as [HourlySqlInput['order']['field'], string | undefined];
  const sql: HourlySqlInput = {
    tenantId, billId, billState: bill.state, filter: parseHourlyFilter(query.filter), skuIds: query.sku_ids ?? [], spuIds: [],
    order: { field, descending: direction === 'desc' }, limit: BATCH,
  };
  yield csvLine(HEADER);
  for (;;) {
    const rows = await prisma.$queryRaw<HourlyRow[]>(hourlyRowsSql(sql));
    for (const row of rows.slice(0, BATCH)) {
      const d = toDetail(row, context, tenantId);
      const m = (wire: typeof d.amount) => fromWireMoney(wire).toFixed();
      yield csvLine([d.id, d.bill_month, d.backend_catalog_displayname, d.spu_name, d.sku_name, d.billing_item_property_name, d.resource_name, d.resource_group_name, d.resource_owner_name,
        d.quantity.toFixed(), d.amount.currency_code, m(d.original_amount), m(d.discount_amount), m(d.coupon_amount), m(d.voucher_amount), m(d.amount), m(d.paid_amount),
        m(d.unpaid_amount), d.consume_type, d.payment_model, d.state, d.create_time]);
    }
    if (rows.length <= BATCH) return;
    const last = rows[BATCH - 1]!;
    sql.after = { value: last.order_value, id: last.id };
  }
}

/** The download's file name, or null when the tenant has no such bill (the route answers 404 before streaming). */
export async function billCsvFilename(tenantId: string, billId: string): Promise<string | null> {
  const bill = await prisma.bill.findUnique({ where: { tenantId_id: { tenantId, id: billId } }, select: { billMonth: true } });
  return bill ? `bill-${bill.billMonth}-${billId}.csv` : null;
}
