import { prisma } from '../db';
import { Decimal, money, toMinorUnitsString, ZERO } from '../money';
import { rfc3339 } from '../time/rfc3339';
import { now } from '../clock';
import { activeCoupons } from '../discounts/read-discounts';
import type { CurrentUsageResponse } from './schema';
import { hourBounds, namespaceFilter, rangeOrCurrentPeriod, tenantFacts, type UsageScope } from './scope';

/** SKUs for fees: listed only when the range has lines of them, as `fixed` items. */
const FEE_RESOURCE_TYPES = new Set(['subscription', 'addon']);

export type PricedResourceUsage = {
  resourceType: string;
  skuId: string;
  name: string;
  unitName: string;
  quantity: Decimal;
  originalAmount: Decimal;
  /** Included units, coupons and vouchers taken off the list price. */
  discountAmount: Decimal;
  amount: Decimal;
  fixed: boolean;
};

/**
 * The priced usage of `[from, to)` per SKU, summed from the charge lines (the one source of money):
 * every metered SKU (zero when unused), plus fee SKUs that have lines. Exact decimals.
 */
export async function pricedUsageBySku(scope: UsageScope, from: Date, to: Date, locale: string): Promise<PricedResourceUsage[]> {
  const [skus, sums] = await Promise.all([
    prisma.sku.findMany({ where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }], select: { id: true, resourceType: true, name: true, nameZh: true, unitName: true } }),
    prisma.chargeLine.groupBy({
      by: ['resourceType', 'paymentModel'],
      // A refund gives money back for an earlier invoice's usage; it is no usage of these hours.
      where: { tenantId: scope.tenantId, ...namespaceFilter(scope), hourStart: hourBounds(from, to), consumeType: { not: 'refund' } },
      _sum: { quantity: true, originalAmount: true, discountAmount: true, couponAmount: true, voucherAmount: true, amount: true },
    }),
  ]);
  const z = (v: unknown) => (v === null || v === undefined ? ZERO : money(v as Decimal));
  return skus.flatMap((sku) => {
    const rows = sums.filter((s) => s.resourceType === sku.resourceType);
    if (FEE_RESOURCE_TYPES.has(sku.resourceType) && rows.length === 0) return [];
    const total = (pick: (s: (typeof rows)[number]['_sum']) => unknown) => rows.reduce((acc, r) => acc.plus(z(pick(r._sum))), ZERO);
    return [{
      resourceType: sku.resourceType, skuId: sku.id, name: locale === 'zh-CN' ? sku.nameZh : sku.name, unitName: sku.unitName,
      quantity: total((s) => s.quantity), originalAmount: total((s) => s.originalAmount),
      discountAmount: total((s) => s.discountAmount).plus(total((s) => s.couponAmount)).plus(total((s) => s.voucherAmount)),
      amount: total((s) => s.amount), fixed: rows.some((r) => r.paymentModel === 'prepaid'),
    }];
  });
}

/** F5: below 1 (but above 0) rounds up to 1, larger values round down. */
function billableQuantity(quantity: Decimal): string {
  if (quantity.gt(0) && quantity.lt(1)) return '1';
  return quantity.toDecimalPlaces(0, Decimal.ROUND_DOWN).toFixed(0);
}

/**
 * F5 ListCurrentUsage (op 20). Coupons: the tenant's coupon redemptions in force now, as F5
 * percentage coupons (discount_amount in hundredths of a percent: 10 % → 1000, half up).
 */
export async function currentUsage(scope: UsageScope, range: { from?: Date; to?: Date }): Promise<CurrentUsageResponse> {
  const tenant = await tenantFacts(scope.tenantId);
  const { from, to } = await rangeOrCurrentPeriod(scope.tenantId, tenant.billingTimezone, range);
  const [usage, coupons] = await Promise.all([pricedUsageBySku(scope, from, to, tenant.locale), activeCoupons(scope.tenantId, now())]);
  const minor = (value: Decimal) => toMinorUnitsString(value, tenant.currency);
  return {
    usage_items: usage.map((u) => ({
      usage_type: u.name, metric_labels: [u.resourceType], quantity: u.quantity, unit_name: u.unitName,
      quantity_billable: billableQuantity(u.quantity), unit_name_billable: u.unitName, amount: minor(u.amount), currency_code: tenant.currency,
      start_timestamp: rfc3339(from), end_timestamp: rfc3339(to), status: u.quantity.isZero() && u.amount.isZero() ? 'STATUS_NO_DATA' : 'STATUS_ACTIVE', fixed: u.fixed,
    })),
    coupons: coupons.map((c) => ({
      title: tenant.locale === 'zh-CN' ? c.coupon.titleZh : c.coupon.title, discount_type: 'DISCOUNT_TYPE_PERCENTAGE' as const,
      discount_amount: Number(money(c.coupon.percentOff).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)),
    })),
    total_cost: minor(usage.reduce((acc, u) => acc.plus(u.amount), ZERO)),
    discount: minor(usage.reduce((acc, u) => acc.plus(u.discountAmount), ZERO)),
  };
}
