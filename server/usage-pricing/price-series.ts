import { Decimal, money, roundToMinor, ZERO, type DecimalLike } from '../money';

/**
 * The pure heart of usage pricing: one resource type's hourly rollups in one pricing period,
 * walked in time order, each turned into a priced line. Both the incremental pricer (which walks
 * a suffix of the period from a carried state) and the from-scratch pricer (which walks the whole
 * period from an empty state) go through here, so "the same rows priced twice" means the same lines.
 */
export type MeterKind = 'counter' | 'gauge';
export type GaugeBilling = 'peak' | 'average';

/** One usage_hourly row (appId '' = no app). Gauges: quantity = sum of samples, maxValue = peak. */
export type HourRow = {
  namespaceId: string;
  appId: string;
  hourStart: Date;
  quantity: DecimalLike;
  maxValue: DecimalLike | null;
  eventCount: number;
};

export type PricingRules = {
  meterKind: MeterKind;
  gaugeBilling: GaugeBilling;
  /** The period's included units of this resource type (0 = none). */
  includedUnits: DecimalLike;
  /** UTC hours in the period: the denominator of a gauge billed by average. */
  periodHours: number;
  currency: string;
  /** The SKU's list price in force at the hour. */
  unitPriceAt: (hourStart: Date) => Decimal;
  /** Percent off (0–100) of the tenant's coupons covering the hour for this resource type; 0 = none. */
  couponPercentAt: (hourStart: Date) => Decimal;
};

/** What walking the period so far has used up: included units, and each gauge series' peak. */
export type WalkState = { includedUsed: Decimal; peaks: Map<string, Decimal> };

export type PricedHour = {
  namespaceId: string;
  appId: string;
  hourStart: Date;
  quantity: Decimal;
  includedQuantity: Decimal;
  unitPrice: Decimal;
  originalAmount: Decimal;
  discountAmount: Decimal;
  couponAmount: Decimal;
  /** Always 0 here: vouchers are spent when the period closes (server/discounts/apply-vouchers.ts). */
  voucherAmount: Decimal;
  /** original − discount − coupon − voucher. */
  amount: Decimal;
};

export const seriesKey = (row: { namespaceId: string; appId: string }) => `${row.namespaceId}\u0000${row.appId}`;

export function emptyWalkState(): WalkState {
  return { includedUsed: ZERO, peaks: new Map() };
}

/** Rows are consumed in this order: hour, then namespace, then app (a total order, so replays agree). */
export function compareHourRows(a: HourRow, b: HourRow): number {
  return a.hourStart.getTime() - b.hourStart.getTime() || cmp(a.namespaceId, b.namespaceId) || cmp(a.appId, b.appId);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The quantity an hour contributes to the period's bill. Counters: the hour's sum. A gauge billed
 * by peak: how far the hour raised its series' running peak (so the period's lines add up to the
 * peak). A gauge billed by average: the hour's mean sample over the period's hours (so the lines
 * add up to the period's time-weighted mean; an hour without a sample counts as zero).
 */
function billableQuantity(row: HourRow, rules: PricingRules, state: WalkState): Decimal {
  if (rules.meterKind === 'counter') return money(row.quantity);
  if (rules.gaugeBilling === 'peak') {
    const key = seriesKey(row);
    const before = state.peaks.get(key) ?? ZERO;
    const peak = Decimal.max(before, money(row.maxValue ?? row.quantity));
    state.peaks.set(key, peak);
    return peak.minus(before);
  }
  if (row.eventCount <= 0) return ZERO;
  return money(row.quantity).dividedBy(row.eventCount).dividedBy(rules.periodHours).toDecimalPlaces(9, Decimal.ROUND_HALF_UP);
}

/** Prices `rows` (sorted by compareHourRows) from `state`, which it advances. */
export function priceHours(rows: HourRow[], rules: PricingRules, state: WalkState): PricedHour[] {
  const included = money(rules.includedUnits);
  return rows.map((row) => {
    const quantity = billableQuantity(row, rules, state);
    const left = Decimal.max(ZERO, included.minus(state.includedUsed));
    const includedQuantity = Decimal.min(left, quantity);
    state.includedUsed = state.includedUsed.plus(includedQuantity);
    const unitPrice = rules.unitPriceAt(row.hourStart);
    const originalAmount = roundToMinor(quantity.times(unitPrice), rules.currency);
    const discountAmount = roundToMinor(includedQuantity.times(unitPrice), rules.currency);
    // Per line and from the hour alone, so re-pricing a suffix (or a closed period) gives the same coupon.
    // Both terms are whole minor units and percent ≤ 100, so the coupon never exceeds what it discounts.
    const chargeable = originalAmount.minus(discountAmount);
    const percent = rules.couponPercentAt(row.hourStart);
    const couponAmount = percent.isZero() ? ZERO : roundToMinor(chargeable.times(percent).dividedBy(100), rules.currency);
    return {
      namespaceId: row.namespaceId, appId: row.appId, hourStart: row.hourStart,
      quantity, includedQuantity, unitPrice, originalAmount, discountAmount, couponAmount, voucherAmount: ZERO, amount: chargeable.minus(couponAmount),
    };
  });
}
