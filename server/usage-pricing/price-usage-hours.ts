import type { Tx } from '../transaction';
import { now } from '../clock';
import { Decimal, money, ZERO } from '../money';
import { recordAudit } from '../audit/record-audit';
import { SYSTEM_ACTOR } from '../audit/actor';
import { emptyWalkState, priceHours, type PricedHour } from './price-series';
import { loadPeriodResolver, localMonthBounds, type PricingPeriod } from './periods';
import { loadClosedPeriods, loadCoupons, loadEntitlements, loadSkus, rulesFor, type SkuForPricing } from './context';
import { billKey, chargeTargets, ensureBills, type ChargeTarget } from './accounts';
import { lineKey, readHourRows, readLineTotals, type LineTotals } from './read-period';
import { readSuffixes, type SuffixData } from './read-suffixes';
import { lockResourceTypes } from './lock';
import { LineWriter, type NewLine } from './write-lines';
import { refreshMeteredItems, type ItemDelta } from './metered-items';

/** One usage_hourly row the caller just changed (appId '' or null = no app). */
export type TouchedHour = { namespaceId: string; appId: string | null; resourceType: string; hourStart: Date };
export type PriceUsageHoursInput = { tenantId: string; hours: TouchedHour[] };
export type PriceUsageHoursResult = { inserted: number; updated: number; reconciliationLines: number };

type Group = { period: PricingPeriod; resourceType: string; from: Date; closed: boolean };

/**
 * Prices the hourly rollups the caller touched into charge lines, inside the caller's transaction
 * (the ingest's), after the rollups were written. Per resource type and pricing period:
 * - open period: the suffix from the earliest touched hour is re-priced (included units are
 *   consumed in time order, so a late hour can shift the included units of every later hour);
 *   lines are provisional, updated in place, new ones inserted;
 * - closed period: the period is priced afresh and every difference from its final lines becomes
 *   a reconciliation line on the current month's bill (closed lines are never edited).
 * Serialised per tenant and resource type by a transaction-scoped advisory lock.
 */
export async function priceUsageHours(tx: Tx, input: PriceUsageHoursInput): Promise<PriceUsageHoursResult> {
  const { tenantId } = input;
  if (input.hours.length === 0) return { inserted: 0, updated: 0, reconciliationLines: 0 };
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true, billingTimezone: true } });
  const { currency, billingTimezone: timeZone } = tenant;
  const resourceTypes = [...new Set(input.hours.map((h) => h.resourceType))].sort();
  await lockResourceTypes(tx, tenantId, resourceTypes);
  const times = input.hours.map((h) => h.hourStart.getTime());
  const resolver = await loadPeriodResolver(tx, tenantId, timeZone, new Date(Math.min(...times)), new Date(Math.max(...times)));
  const groups = groupByPeriod(input.hours, resolver.periodFor);
  const periods = [...new Map(groups.map((g) => [g.period.key, g.period])).values()];
  const [skus, entitlements, closed, coupons] = await Promise.all([
    loadSkus(tx, resourceTypes, currency),
    loadEntitlements(tx, tenantId, periods, resourceTypes),
    loadClosedPeriods(tx, tenantId, periods, (p) => localMonthBounds(p.start, timeZone).billMonth),
    loadCoupons(tx, tenantId),
  ]);
  for (const group of groups) group.closed = closed.has(group.period.key);

  // Statistics without a SKU (sign-ins) are counted, never priced.
  const priceable = groups.map((group) => {
    const sku = skus.get(group.resourceType);
    if (!sku) return null;
    const entitlement = entitlements(group.period, group.resourceType);
    return { group, rules: rulesFor(group.period, sku, entitlement, currency, coupons, group.resourceType), peaks: sku.meterKind === 'gauge' && entitlement.gaugeBilling === 'peak' };
  }).filter((g) => g !== null);
  const open = priceable.filter((g) => !g.group.closed);
  const suffixes = await readSuffixes(tx, tenantId, open.map(({ group, rules, peaks }) => ({
    resourceType: group.resourceType, periodStart: group.period.start, from: group.from, periodEnd: group.period.end,
    needIncluded: money(rules.includedUnits).gt(0), needPeaks: peaks,
  })));
  const plans = open.map(({ group, rules }, i) => planReprice(group, rules, suffixes[i]!));
  for (const { group, rules } of priceable.filter((g) => g.group.closed)) plans.push(await planReconciliation(tx, tenantId, group, rules));

  const appIds = new Set<string>();
  for (const plan of plans) for (const p of plan.priced) appIds.add(p.appId);
  const targetOf = await chargeTargets(tx, tenantId, [...appIds]);
  const at = now();
  const bills = await ensureBills(tx, tenantId, currency, timeZone, plans.flatMap((plan) => plan.newLines.map((p) => ({
    billingAccountId: targetOf(p.appId).billingAccountId, instant: plan.group.closed ? at : p.hourStart,
  }))));

  const writer = new LineWriter(tenantId, currency);
  const itemDeltas: ItemDelta[] = [];
  let reconciliationLines = 0;
  for (const plan of plans) {
    const sku = skus.get(plan.group.resourceType)!;
    for (const { existing, priced } of plan.updates) writer.update(existing, priced);
    for (const priced of plan.newLines) {
      const target = targetOf(priced.appId);
      const billId = bills.get(billKey(target.billingAccountId, plan.group.closed ? at : priced.hourStart, timeZone))!;
      writer.insert(newLine(plan.group, priced, sku, target, billId));
    }
    if (plan.group.closed) reconciliationLines += plan.newLines.length;
    else if (plan.group.period.subscriptionId) itemDeltas.push(itemDelta(plan.group, entitlements(plan.group.period, plan.group.resourceType).includedUnits, plan.delta, currency));
  }
  await writer.flush(tx);
  await refreshMeteredItems(tx, tenantId, itemDeltas);
  if (reconciliationLines > 0) {
    const touched = plans.filter((p) => p.group.closed).map((p) => ({ period: p.group.period.key, resourceType: p.group.resourceType, lines: p.newLines.length }));
    await recordAudit(tx, SYSTEM_ACTOR, { tenantId, action: 'charge_lines.reconcile', targetType: 'bill', targetId: null, after: touched });
  }
  return { inserted: writer.inserts.length, updated: writer.updates.length, reconciliationLines };
}

function groupByPeriod(hours: TouchedHour[], periodFor: (hour: Date) => PricingPeriod): Group[] {
  const groups = new Map<string, Group>();
  for (const hour of hours) {
    const period = periodFor(hour.hourStart);
    const key = `${period.key}|${hour.resourceType}`;
    const found = groups.get(key);
    if (!found) groups.set(key, { period, resourceType: hour.resourceType, from: hour.hourStart, closed: false });
    else if (hour.hourStart < found.from) found.from = hour.hourStart;
  }
  return [...groups.values()];
}

/** amount: the overage at list price (original − discount), what the metered-billing item carries; coupons and vouchers are lines of their own. */
type Totals = { quantity: Decimal; included: Decimal; amount: Decimal };
const overageOf = (l: { originalAmount: Decimal; discountAmount: Decimal }) => l.originalAmount.minus(l.discountAmount);
type Plan = { group: Group; priced: PricedHour[]; updates: { existing: Parameters<LineWriter['update']>[0]; priced: PricedHour }[]; newLines: PricedHour[]; delta: Totals };

/** Open period: re-price the suffix from the earliest touched hour, from the walk state before it. */
function planReprice(group: Group, rules: ReturnType<typeof rulesFor>, { rows, existing, state }: SuffixData): Plan {
  const priced = priceHours(rows, rules, state);
  const plan: Plan = { group, priced, updates: [], newLines: [], delta: { quantity: ZERO, included: ZERO, amount: ZERO } };
  for (const p of priced) {
    const line = existing.get(lineKey(p));
    const before = line ?? { quantity: ZERO, includedQuantity: ZERO, originalAmount: ZERO, discountAmount: ZERO };
    plan.delta.quantity = plan.delta.quantity.plus(p.quantity.minus(before.quantity));
    plan.delta.included = plan.delta.included.plus(p.includedQuantity.minus(before.includedQuantity));
    plan.delta.amount = plan.delta.amount.plus(overageOf(p).minus(overageOf(before)));
    if (line) plan.updates.push({ existing: line, priced: p });
    else if (!p.quantity.isZero()) plan.newLines.push(p);
  }
  return plan;
}

/** Closed period: price it afresh; each line key whose totals moved gets a reconciliation line of the difference. */
async function planReconciliation(tx: Tx, tenantId: string, group: Group, rules: ReturnType<typeof rulesFor>): Promise<Plan> {
  const { period, resourceType } = group;
  const [rows, billed] = await Promise.all([
    readHourRows(tx, tenantId, resourceType, period.start, period.end),
    readLineTotals(tx, tenantId, resourceType, period.start, period.end),
  ]);
  const priced = priceHours(rows, rules, emptyWalkState());
  const plan: Plan = { group, priced, updates: [], newLines: [], delta: { quantity: ZERO, included: ZERO, amount: ZERO } };
  const seen = new Set<string>();
  for (const p of priced) {
    seen.add(lineKey(p));
    const difference = differenceFrom(p, billed.get(lineKey(p)));
    if (difference) plan.newLines.push(difference);
  }
  // A key billed before but priced to nothing now cannot arise (rollups only grow); nothing to undo.
  return plan;
}

/**
 * The correction of one closed line key. Vouchers the close spent stay spent: the difference is
 * taken before vouchers (billed.amount is Σ (amount + voucher)), and the correction carries none.
 */
function differenceFrom(target: PricedHour, billed: LineTotals | undefined): PricedHour | null {
  if (!billed) return target.quantity.isZero() && target.amount.isZero() ? null : target;
  const d: PricedHour = {
    ...target,
    quantity: target.quantity.minus(billed.quantity), includedQuantity: target.includedQuantity.minus(billed.includedQuantity),
    originalAmount: target.originalAmount.minus(billed.originalAmount), discountAmount: target.discountAmount.minus(billed.discountAmount),
    couponAmount: target.couponAmount.minus(billed.couponAmount), voucherAmount: ZERO,
    amount: target.amount.minus(billed.amount),
  };
  const moved = !d.quantity.isZero() || !d.includedQuantity.isZero() || !d.originalAmount.isZero() || !d.discountAmount.isZero() || !d.couponAmount.isZero();
  return moved ? d : null;
}

function newLine(group: Group, priced: PricedHour, sku: SkuForPricing, target: ChargeTarget, billId: string): NewLine {
  const reconciliation = group.closed;
  return {
    ...priced, resourceType: group.resourceType, sku, target, subscriptionId: group.period.subscriptionId, billId,
    consumeType: reconciliation ? 'reconciliation' : 'consumption',
    // Reconciliation lines correct a closed period: final from birth, never re-priced.
    provisional: !reconciliation,
    consumeDesc: reconciliation ? `reconciles ${priced.hourStart.toISOString()} of the period from ${group.period.start.toISOString()} (closed)` : null,
  };
}

function itemDelta(group: Group, includedUnits: Decimal, delta: Totals, currency: string): ItemDelta {
  return {
    subscriptionId: group.period.subscriptionId!, resourceType: group.resourceType, periodStart: group.period.start, periodEnd: group.period.end,
    includedUnits, totalUsage: delta.quantity, overageUnits: delta.quantity.minus(delta.included), overageAmount: delta.amount, currency,
  };
}
