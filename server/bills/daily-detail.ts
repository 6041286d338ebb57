import { prisma, Prisma } from '../db';
import { badRequest, notFound } from '../errors';
import { money, roundToMinor, ZERO } from '../money';
import { startOfLocalDate } from '../time/zoned';
import type { DailyDetailQuery, DailyDetailRow } from './daily-schema';

/**
 * Seed 002 `GET /api/v1/billing/detail/list`: one row per day (tenant's timezone) × meter × workspace
 * (namespace) × billing cycle, summed from the charge lines — the one source of money — so these
 * rows, the 004 hourly details and the invoices' usage lines agree to the minor unit.
 */
export type DailyDetailInput = { tenantId: string; query: DailyDetailQuery };

const MAX_RANGE_DAYS = 92;
const PRODUCT_NAME = process.env.PLATFORM_PRODUCT_NAME ?? 'Counterfoil';

/** `20230731` → `2023-07-31`, refusing impossible dates (20230231) with a clear message. */
function calendarDate(compact: string, name: string): string {
  const iso = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) throw badRequest(`${name} ${compact} is not a calendar date`, 'INVALID_DATE');
  return iso;
}

/** The local days asked for, as the UTC instants they start and end at in the tenant's zone. */
export function dailyRange(query: DailyDetailQuery, timezone: string) {
  const start = calendarDate(query.startDate, 'startDate');
  const end = calendarDate(query.endDate, 'endDate');
  if (start > end) throw badRequest(`startDate ${query.startDate} is after endDate ${query.endDate}`, 'DATE_RANGE_REVERSED');
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000;
  if (days > MAX_RANGE_DAYS) throw badRequest(`the range spans ${days} days; at most ${MAX_RANGE_DAYS} days apart`, 'DATE_RANGE_TOO_LONG');
  return { from: startOfLocalDate(start, timezone), to: startOfLocalDate(end, timezone, 1) };
}

/** The grouped sums; the same statement the benchmark's bare floor runs. */
export function dailyDetailSql(tenantId: string, timezone: string, from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT (c.hour_start AT TIME ZONE ${timezone})::date::text AS day, c.sku_id, COALESCE(c.namespace_id, sys.id) AS namespace_id,
           CASE WHEN c.payment_model = 'postpaid' THEN 'Day' WHEN sub.billing_cycle = 'yearly' THEN 'Year'
                WHEN c.subscription_id IS NOT NULL THEN 'Month' ELSE 'Single' END AS billing_cycle,
           c.payment_model::text AS payment_model,
           sum(c.quantity) AS quantity, sum(c.amount) AS amount, sum(c.original_amount) AS original_amount,
           sum(c.coupon_amount + c.voucher_amount) AS coupon_amount, sum(c.paid_amount) AS paid_amount, sum(c.unpaid_amount) AS unpaid_amount,
           sum(c.paid_amount * COALESCE(r.credit_applied_amount / NULLIF(r.amount, 0), 0)) AS paid_from_credit,
           max(pm.kind::text) AS method_kind, max(pm.brand || ' ****' || pm.last4) AS method_label
      FROM charge_lines c
      LEFT JOIN namespaces sys ON sys.tenant_id = c.tenant_id AND sys.name = 'system' AND c.namespace_id IS NULL
      LEFT JOIN subscriptions sub ON sub.tenant_id = c.tenant_id AND sub.id = c.subscription_id
      LEFT JOIN billing_records r ON r.tenant_id = c.tenant_id AND r.id = c.billing_record_id
      LEFT JOIN payment_methods pm ON pm.tenant_id = r.tenant_id AND pm.id = r.payment_method_id
     WHERE c.tenant_id = ${tenantId} AND c.hour_start >= ${from} AND c.hour_start < ${to}
     GROUP BY 1, 2, 3, 4, 5
     ORDER BY 1, 2, 3, 4`;
}

export type DailySums = {
  day: string; sku_id: string; namespace_id: string; billing_cycle: DailyDetailRow['billingCycle']; payment_model: string;
  quantity: Prisma.Decimal; amount: Prisma.Decimal; original_amount: Prisma.Decimal; coupon_amount: Prisma.Decimal; paid_amount: Prisma.Decimal;
  unpaid_amount: Prisma.Decimal; paid_from_credit: Prisma.Decimal; method_kind: string | null; method_label: string | null;
};

export type DailyContext = {
  tenant: { billingTimezone: string; locale: string; currency: string };
  skus: { id: string; name: string; nameZh: string; billingItemPropertyName: string }[];
  namespaces: { id: string; name: string }[];
};

/** Prints the grouped sums as seed 002 rows (no database here: the benchmark's floor prints with it too). */
export function dailyDetailRows(sums: DailySums[], { tenant, skus, namespaces }: DailyContext): DailyDetailRow[] {
  const skuById = new Map(skus.map((sku) => [sku.id, sku]));
  const namespaceName = new Map(namespaces.map((ns) => [ns.id, ns.name]));
  return sums.map((row) => {
    const sku = skuById.get(row.sku_id)!;
    const paid = money(row.paid_amount);
    // The credit-paid part of each row is rounded on its own (half up); cash is the rest, so the two add up to what was paid.
    const storedCard = roundToMinor(row.paid_from_credit, tenant.currency);
    const dayStart = startOfLocalDate(row.day, tenant.billingTimezone);
    return {
      consumeTimeOfDay: row.day, orgName: null, productName: PRODUCT_NAME,
      productDetail: tenant.locale === 'zh-CN' ? sku.nameZh : sku.name, billingCycle: row.billing_cycle,
      billingResult: money(row.amount), deductionAmount: paid, oweAmount: money(row.unpaid_amount), originAmount: money(row.original_amount),
      serviceBillingAmount: null, couponAmount: money(row.coupon_amount), storedCardAmount: storedCard, cashAmount: paid.minus(storedCard), cashCouldAmount: ZERO,
      commodityCategory: row.payment_model === 'prepaid' ? '包年包月' : '按量付费',
      consumePlatform: paid.gt(0) ? (storedCard.eq(paid) ? 'credit' : row.method_kind ?? 'credit') : null,
      customerIdentifier: paid.gt(storedCard) ? row.method_label : null,
      consumption: null, workspaceUuid: row.namespace_id ?? '', workspaceName: namespaceName.get(row.namespace_id) ?? '',
      consumeTime: Math.floor(dayStart.getTime() / 1000), tag6: sku.billingItemPropertyName, billingResultDetails: null, count: money(row.quantity),
    };
  });
}

export async function listDailyBillDetails(input: DailyDetailInput): Promise<DailyDetailRow[]> {
  const tenant = await prisma.tenant.findUnique({ where: { id: input.tenantId }, select: { billingTimezone: true, locale: true, currency: true } });
  if (!tenant) throw notFound('tenant');
  const { from, to } = dailyRange(input.query, tenant.billingTimezone);
  const [sums, skus, namespaces] = await Promise.all([
    prisma.$queryRaw<DailySums[]>(dailyDetailSql(input.tenantId, tenant.billingTimezone, from, to)),
    prisma.sku.findMany({ select: { id: true, name: true, nameZh: true, billingItemPropertyName: true } }),
    prisma.namespace.findMany({ where: { tenantId: input.tenantId }, select: { id: true, name: true } }),
  ]);
  return dailyDetailRows(sums, { tenant, skus, namespaces });
}
