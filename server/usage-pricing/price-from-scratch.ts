import type { Tx } from '../transaction';
import { Decimal, money, ZERO, type DecimalLike } from '../money';
import { compareHourRows, emptyWalkState, priceHours, type HourRow } from './price-series';
import { loadPeriodResolver, type PricingPeriod } from './periods';
import { loadCoupons, loadEntitlements, loadSkus, rulesFor } from './context';
import { lineKey, totalsOf, type LineTotals } from './read-period';

/** A raw usage event as pricing sees it (appId '' or null = no app). */
export type RawUsageEvent = { namespaceId: string; appId: string | null; resourceType: string; quantity: DecimalLike; occurredAt: Date };

const HOUR = 3_600_000;

/**
 * The reference the incremental pricer is tested against: aggregate the raw events into hours in
 * memory, then price every (period, resource type) whole, from an empty walk. Returns the money each
 * line key (`resourceType|namespace|app|hour`) should carry in total — final lines plus any
 * reconciliation lines, or the provisional lines of an open period.
 */
export async function priceFromScratch(tx: Tx, tenantId: string, events: RawUsageEvent[]): Promise<Map<string, LineTotals>> {
  const out = new Map<string, LineTotals>();
  if (events.length === 0) return out;
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true, billingTimezone: true } });
  const hours = aggregateHours(events);
  const times = events.map((e) => Math.floor(e.occurredAt.getTime() / HOUR) * HOUR);
  const resolver = await loadPeriodResolver(tx, tenantId, tenant.billingTimezone, new Date(Math.min(...times)), new Date(Math.max(...times)));
  const buckets = new Map<string, { period: PricingPeriod; resourceType: string; rows: HourRow[] }>();
  for (const [resourceType, row] of hours) {
    const period = resolver.periodFor(row.hourStart);
    const key = `${period.key}|${resourceType}`;
    const bucket = buckets.get(key) ?? { period, resourceType, rows: [] };
    bucket.rows.push(row);
    buckets.set(key, bucket);
  }
  const resourceTypes = [...new Set(events.map((e) => e.resourceType))];
  const periods = [...new Map([...buckets.values()].map((b) => [b.period.key, b.period])).values()];
  const [skus, entitlements, coupons] = await Promise.all([loadSkus(tx, resourceTypes, tenant.currency), loadEntitlements(tx, tenantId, periods, resourceTypes), loadCoupons(tx, tenantId)]);
  for (const { period, resourceType, rows } of buckets.values()) {
    const rules = rulesFor(period, skus.get(resourceType)!, entitlements(period, resourceType), tenant.currency, coupons, resourceType);
    for (const p of priceHours(rows.sort(compareHourRows), rules, emptyWalkState())) {
      if (p.quantity.isZero()) continue;
      out.set(`${resourceType}|${lineKey(p)}`, { quantity: p.quantity, includedQuantity: p.includedQuantity, originalAmount: p.originalAmount, discountAmount: p.discountAmount, couponAmount: p.couponAmount, amount: p.amount });
    }
  }
  return out;
}

/** Events → hourly rows per resource type: counters add; gauges keep sum, peak and sample count. */
function aggregateHours(events: RawUsageEvent[]): [string, HourRow][] {
  const rows = new Map<string, [string, HourRow & { quantity: Decimal; maxValue: Decimal | null }]>();
  for (const e of events) {
    const hourStart = new Date(Math.floor(e.occurredAt.getTime() / HOUR) * HOUR);
    const appId = e.appId ?? '';
    const key = `${e.resourceType}|${e.namespaceId}|${appId}|${hourStart.getTime()}`;
    const q = money(e.quantity);
    const found = rows.get(key);
    if (!found) rows.set(key, [e.resourceType, { namespaceId: e.namespaceId, appId, hourStart, quantity: q, maxValue: q, eventCount: 1 }]);
    else {
      const row = found[1];
      row.quantity = row.quantity.plus(q);
      row.maxValue = Decimal.max(row.maxValue ?? ZERO, q);
      row.eventCount += 1;
    }
  }
  return [...rows.values()];
}

/** What the charge lines carry now, by the same keys: every consumption and reconciliation line summed (amount before vouchers, which the close spends). */
export async function billedTotals(tx: Tx, tenantId: string): Promise<Map<string, LineTotals>> {
  const groups = await tx.chargeLine.groupBy({
    by: ['resourceType', 'namespaceId', 'appId', 'hourStart'],
    where: { tenantId, consumeType: { in: ['consumption', 'reconciliation'] } },
    _sum: { quantity: true, includedQuantity: true, originalAmount: true, discountAmount: true, couponAmount: true, voucherAmount: true, amount: true },
  });
  const out = new Map<string, LineTotals>();
  for (const g of groups) {
    const totals = totalsOf(g._sum);
    if (totals.quantity.isZero() && totals.amount.isZero() && totals.originalAmount.isZero()) continue;
    out.set(`${g.resourceType}|${lineKey({ namespaceId: g.namespaceId ?? '', appId: g.appId ?? '', hourStart: g.hourStart })}`, totals);
  }
  return out;
}
