import type { Tx } from '../transaction';
import { Decimal, money, ZERO } from '../money';
import { type GaugeBilling, type MeterKind, type PricingRules } from './price-series';
import { periodHours, type PricingPeriod } from './periods';

/** A SKU as pricing needs it: ids copied onto each line, its meter kind and its list-price history. */
export type SkuForPricing = {
  skuId: string;
  spuId: string;
  categoryId: string;
  meterKind: MeterKind;
  /** The price in force at t: the latest effectiveFrom ≤ t; before the first row, the first price (it has always applied). */
  priceAt: (t: Date) => Decimal;
};

export async function loadSkus(tx: Tx, resourceTypes: string[], currency: string): Promise<Map<string, SkuForPricing>> {
  const skus = await tx.sku.findMany({
    where: { resourceType: { in: resourceTypes } },
    select: { id: true, resourceType: true, meterKind: true, spuId: true, spu: { select: { categoryId: true } }, prices: { where: { currency }, orderBy: { effectiveFrom: 'desc' }, select: { effectiveFrom: true, unitPrice: true } } },
  });
  return new Map(skus.map((sku) => {
    const prices = sku.prices.map((p) => ({ from: p.effectiveFrom.getTime(), price: money(p.unitPrice) }));
    const first = prices.at(-1)?.price ?? ZERO;
    const priceAt = (t: Date) => prices.find((p) => p.from <= t.getTime())?.price ?? first;
    return [sku.resourceType, { skuId: sku.id, spuId: sku.spuId, categoryId: sku.spu.categoryId, meterKind: sku.meterKind, priceAt }];
  }));
}

/**
 * Included units and gauge billing per (period, resource type). A period's included units are
 * copied onto its metered-billing item when its first usage is priced; later they come from there
 * (so a catalog edit never moves a period already under way). No subscription: nothing included.
 */
export type Entitlements = (period: PricingPeriod, resourceType: string) => { includedUnits: Decimal; gaugeBilling: GaugeBilling; recorded: boolean };

export async function loadEntitlements(tx: Tx, tenantId: string, periods: PricingPeriod[], resourceTypes: string[]): Promise<Entitlements> {
  const withSub = periods.filter((p) => p.subscriptionId);
  const plans = [...new Set(withSub.map((p) => p.planCode!))];
  const [rows, items] = await Promise.all([
    plans.length ? tx.planEntitlement.findMany({ where: { planCode: { in: plans }, resourceType: { in: resourceTypes } } }) : [],
    withSub.length ? tx.meteredBillingItem.findMany({
      where: { tenantId, resourceType: { in: resourceTypes }, OR: withSub.map((p) => ({ subscriptionId: p.subscriptionId!, periodStart: p.start })) },
      select: { subscriptionId: true, periodStart: true, resourceType: true, includedUnits: true },
    }) : [],
  ]);
  const plan = new Map(rows.map((r) => [`${r.planCode}|${r.resourceType}`, r]));
  const item = new Map(items.map((i) => [`${i.subscriptionId}|${i.periodStart.toISOString()}|${i.resourceType}`, money(i.includedUnits)]));
  return (period, resourceType) => {
    const entitlement = period.planCode ? plan.get(`${period.planCode}|${resourceType}`) : undefined;
    const gaugeBilling = entitlement?.gaugeBilling ?? 'peak';
    if (!period.subscriptionId) return { includedUnits: ZERO, gaugeBilling, recorded: false };
    const copied = item.get(`${period.subscriptionId}|${period.start.toISOString()}|${resourceType}`);
    return { includedUnits: copied ?? money(entitlement?.includedUnits ?? ZERO), gaugeBilling, recorded: copied !== undefined };
  };
}

/**
 * Closed periods: a subscription period is closed once a metered-billing item of it left `open`
 * (closeUsagePeriod); a period without a subscription once a bill of that month was closed.
 */
export async function loadClosedPeriods(tx: Tx, tenantId: string, periods: PricingPeriod[], billMonthOf: (p: PricingPeriod) => string): Promise<Set<string>> {
  const withSub = periods.filter((p) => p.subscriptionId);
  const without = periods.filter((p) => !p.subscriptionId);
  const [items, bills] = await Promise.all([
    withSub.length ? tx.meteredBillingItem.findMany({
      where: { tenantId, status: { not: 'open' }, OR: withSub.map((p) => ({ subscriptionId: p.subscriptionId!, periodStart: p.start })) },
      select: { subscriptionId: true, periodStart: true },
    }) : [],
    without.length ? tx.bill.findMany({ where: { tenantId, closedAt: { not: null }, billMonth: { in: without.map(billMonthOf) } }, select: { billMonth: true } }) : [],
  ]);
  const closed = new Set(items.map((i) => `${i.subscriptionId}@${i.periodStart.toISOString()}`));
  const closedMonths = new Set(bills.map((b) => b.billMonth));
  for (const p of without) if (closedMonths.has(billMonthOf(p))) closed.add(p.key);
  return closed;
}

/** Percent off at an hour for a resource type, from the tenant's coupon redemptions (0 = none). */
export type Coupons = (resourceType: string) => (hourStart: Date) => Decimal;

/**
 * The tenant's coupon redemptions as pricing reads them: an hour in [startsAt, endsAt) of a
 * redemption whose coupon covers the resource type (or every type) gets its percent off. Coupons do
 * not stack: the largest percent covering the hour applies. A tenant has a handful of redemptions,
 * so all of them are read once per pricing call.
 */
export async function loadCoupons(tx: Tx, tenantId: string): Promise<Coupons> {
  const rows = await tx.couponRedemption.findMany({
    where: { tenantId }, select: { startsAt: true, endsAt: true, coupon: { select: { percentOff: true, resourceType: true } } },
  });
  const windows = rows.map((r) => ({ from: r.startsAt.getTime(), until: r.endsAt.getTime(), percent: money(r.coupon.percentOff), resourceType: r.coupon.resourceType }));
  return (resourceType) => {
    const mine = windows.filter((w) => w.resourceType === null || w.resourceType === resourceType);
    if (mine.length === 0) return () => ZERO;
    return (hourStart) => {
      const t = hourStart.getTime();
      return mine.reduce((best, w) => (w.from <= t && t < w.until && w.percent.gt(best) ? w.percent : best), ZERO);
    };
  };
}

export function rulesFor(period: PricingPeriod, sku: SkuForPricing, entitlement: { includedUnits: Decimal; gaugeBilling: GaugeBilling }, currency: string, coupons: Coupons, resourceType: string): PricingRules {
  return {
    meterKind: sku.meterKind, gaugeBilling: entitlement.gaugeBilling, includedUnits: entitlement.includedUnits,
    periodHours: periodHours(period), currency, unitPriceAt: sku.priceAt, couponPercentAt: coupons(resourceType),
  };
}
