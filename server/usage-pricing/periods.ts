import type { Tx } from '../transaction';
import { addLocalMonths, fromLocal, toLocal, startOfLocalDay } from '../time/zoned';

/**
 * Pricing periods: the span over which a plan's included units are consumed. With a subscription
 * it is the subscription's billing period (the trial counts as one); without one it is the calendar
 * month in the tenant's timezone (no included units). Periods of one tenant never overlap: a
 * subscription covers from its first local midnight until it ended or the next one started.
 */
export type PricingPeriod = {
  /** Stable identity: `<subscription id or "none">@<start ISO>`. */
  key: string;
  subscriptionId: string | null;
  planCode: string | null;
  start: Date;
  end: Date;
};

type SubscriptionSpan = {
  id: string;
  planCode: string;
  billingCycle: 'monthly' | 'yearly';
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  trialEndDate: Date | null;
  billingAnchorAt: Date | null;
  coverFrom: Date;
  coverUntil: Date | null;
};

export type PeriodResolver = {
  timeZone: string;
  periodFor(hourStart: Date): PricingPeriod;
};

const HOUR = 3_600_000;
const MAX_STEPS = 600;

export function periodHours(period: PricingPeriod): number {
  return Math.round((period.end.getTime() - period.start.getTime()) / HOUR);
}

export function localMonthBounds(instant: Date, timeZone: string): { start: Date; end: Date; billMonth: string } {
  const local = toLocal(instant, timeZone);
  const start = fromLocal({ year: local.year, month: local.month, day: 1 }, timeZone);
  const end = addLocalMonths(start, timeZone, 1, 1);
  return { start, end, billMonth: `${local.year}${String(local.month).padStart(2, '0')}` };
}

/** Loads what periodFor needs for hours in [from, to]: the tenant's subscriptions and the periods on record. */
export async function loadPeriodResolver(tx: Tx, tenantId: string, timeZone: string, from: Date, to: Date): Promise<PeriodResolver> {
  const subs = await tx.subscription.findMany({
    where: { tenantId },
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, planCode: true, billingCycle: true, currentPeriodStart: true, currentPeriodEnd: true, trialEndDate: true, billingAnchorAt: true, startedAt: true, endedAt: true },
  });
  const spans: SubscriptionSpan[] = subs.map((sub, index) => {
    const coverFrom = startOfLocalDay(sub.startedAt, timeZone);
    const next = subs[index + 1];
    const nextFrom = next ? startOfLocalDay(next.startedAt, timeZone) : null;
    const ends = [sub.endedAt, nextFrom].filter((d): d is Date => d !== null);
    const coverUntil = ends.length ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null;
    return { ...sub, coverFrom, coverUntil };
  });
  const recorded = await recordedPeriods(tx, tenantId, from, to);
  return { timeZone, periodFor: (hour) => resolvePeriod(hour, spans, recorded, timeZone) };
}

/** Periods the subscription invoices and metered items name (they survive a later change of anchor). */
async function recordedPeriods(tx: Tx, tenantId: string, from: Date, to: Date) {
  const overlap = { periodStart: { lte: to }, periodEnd: { gt: from } };
  const [records, items] = await Promise.all([
    tx.billingRecord.findMany({ where: { tenantId, type: 'subscription', subscriptionId: { not: null }, ...overlap }, select: { subscriptionId: true, periodStart: true, periodEnd: true } }),
    tx.meteredBillingItem.findMany({ where: { tenantId, ...overlap }, distinct: ['subscriptionId', 'periodStart'], select: { subscriptionId: true, periodStart: true, periodEnd: true } }),
  ]);
  return [...records, ...items]
    .filter((p) => p.subscriptionId && p.periodStart && p.periodEnd && p.periodEnd > p.periodStart)
    .map((p) => ({ subscriptionId: p.subscriptionId!, start: p.periodStart!, end: p.periodEnd! }));
}

function resolvePeriod(hour: Date, spans: SubscriptionSpan[], recorded: { subscriptionId: string; start: Date; end: Date }[], timeZone: string): PricingPeriod {
  const sub = [...spans].reverse().find((s) => s.coverFrom <= hour && (s.coverUntil === null || hour < s.coverUntil));
  if (!sub) return calendarPeriod(hour, spans, timeZone);
  const known = recorded.find((p) => p.subscriptionId === sub.id && p.start <= hour && hour < p.end);
  const [start, end] = known ? [known.start, known.end] : steppedPeriod(hour, sub, timeZone);
  const clippedStart = start < sub.coverFrom ? sub.coverFrom : start;
  const clippedEnd = sub.coverUntil && sub.coverUntil < end ? sub.coverUntil : end;
  return { key: `${sub.id}@${clippedStart.toISOString()}`, subscriptionId: sub.id, planCode: sub.planCode, start: clippedStart, end: clippedEnd };
}

/** The subscription period holding `hour`, stepping whole cycles from the current period on the anchor day. */
function steppedPeriod(hour: Date, sub: SubscriptionSpan, timeZone: string): [Date, Date] {
  if (sub.trialEndDate && hour < sub.trialEndDate && sub.coverFrom < sub.trialEndDate) return [sub.coverFrom, sub.trialEndDate];
  if (sub.currentPeriodStart <= hour && hour < sub.currentPeriodEnd) return [sub.currentPeriodStart, sub.currentPeriodEnd];
  const months = sub.billingCycle === 'yearly' ? 12 : 1;
  const anchorDay = toLocal(sub.billingAnchorAt ?? sub.trialEndDate ?? sub.coverFrom, timeZone).day;
  let start = sub.currentPeriodStart;
  let end = sub.currentPeriodEnd;
  for (let step = 0; step < MAX_STEPS; step++) {
    if (hour >= end) [start, end] = [end, addLocalMonths(end, timeZone, months, anchorDay)];
    else if (hour < start) [start, end] = [addLocalMonths(start, timeZone, -months, anchorDay), start];
    else return [start, end];
  }
  throw new Error(`no subscription period within ${MAX_STEPS} cycles of ${hour.toISOString()}`);
}

/** Without a subscription: the local calendar month, cut where a subscription's cover begins or ends. */
function calendarPeriod(hour: Date, spans: SubscriptionSpan[], timeZone: string): PricingPeriod {
  let { start, end } = localMonthBounds(hour, timeZone);
  for (const span of spans) {
    if (span.coverUntil && span.coverUntil <= hour && span.coverUntil > start) start = span.coverUntil;
    if (span.coverFrom > hour && span.coverFrom < end) end = span.coverFrom;
  }
  return { key: `none@${start.toISOString()}`, subscriptionId: null, planCode: null, start, end };
}
