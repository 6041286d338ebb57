import { prisma } from '../db';
import { Decimal, money, toDecimalString } from '../money';
import { addLocalMonths, localDateString, startOfLocalDay } from '../time/zoned';
import { localMidnight, shiftDate } from './range';
import { scopeUsageStatement } from './sql';
import type { ProjectionMethod, ResourceTypeInfo } from './schema';

const DAY_MS = 86_400_000;
export const AVERAGE_DAYS = 7;

export type UsagePeriod = {
  periodStart: Date;
  periodEnd: Date;
  asOf: Date;
  planCode: string | null;
  /** The 7 whole local days before today: [averageStart, averageEnd). */
  averageStart: Date;
  averageEnd: Date;
  averageFrom: string;
  averageTo: string;
};

/**
 * The period quotas and projections count in, as quota enforcement counts it: the live
 * subscription's current period, else (none, or its period has not caught up yet) the calendar
 * month in the tenant's timezone.
 */
export async function currentUsagePeriod(tenantId: string, timeZone: string, asOf: Date): Promise<UsagePeriod> {
  const subscription = await prisma.subscription.findFirst({
    where: { tenantId, endedAt: null, currentPeriodStart: { lte: asOf }, currentPeriodEnd: { gt: asOf } }, orderBy: { startedAt: 'desc' }, select: { planCode: true, currentPeriodStart: true, currentPeriodEnd: true },
  });
  const today = localDateString(asOf, timeZone);
  const monthStart = localMidnight(`${today.slice(0, 7)}-01`, timeZone);
  const periodStart = subscription?.currentPeriodStart ?? monthStart;
  const periodEnd = subscription?.currentPeriodEnd ?? addLocalMonths(monthStart, timeZone, 1);
  const averageEnd = startOfLocalDay(asOf, timeZone);
  return {
    periodStart, periodEnd, asOf, planCode: subscription?.planCode ?? null,
    averageStart: localMidnight(shiftDate(today, -AVERAGE_DAYS), timeZone), averageEnd,
    averageFrom: shiftDate(today, -AVERAGE_DAYS), averageTo: shiftDate(today, -1),
  };
}

/** Days from asOf to the period end (never negative). */
export function daysRemaining(period: UsagePeriod): Decimal {
  return Decimal.max(0, new Decimal(period.periodEnd.getTime() - period.asOf.getTime()).div(DAY_MS));
}

export type ScopeProjection = { used: Decimal; dailyAverage: Decimal | null; projected: Decimal; method: ProjectionMethod };

/**
 * One scope's usage so far in the period and its projection to the period end. Counters: linear
 * on the average of the last 7 whole local days (used + average × days remaining); gauges: the
 * peak so far (a gauge is billed on its peak or average, not a rate, so it is carried forward).
 */
export async function projectScope(
  scope: { tenantId: string; resource: ResourceTypeInfo; namespaceId: string | null; appId: string | null },
  period: UsagePeriod,
): Promise<ScopeProjection> {
  const statement = scopeUsageStatement({
    tenantId: scope.tenantId, resourceType: scope.resource.resourceType, namespaceId: scope.namespaceId, appId: scope.appId,
    periodStart: period.periodStart, periodEnd: period.periodEnd, averageStart: period.averageStart, averageEnd: period.averageEnd,
  });
  const [row] = await prisma.$queryRawUnsafe<{ total: string; peak: string; average_total: string }[]>(statement.text, ...statement.values);
  if (scope.resource.meterKind === 'gauge') {
    const peak = money(row?.peak ?? '0');
    return { used: peak, dailyAverage: null, projected: peak, method: 'peak_so_far' };
  }
  const used = money(row?.total ?? '0');
  const dailyAverage = money(row?.average_total ?? '0').div(AVERAGE_DAYS);
  return { used, dailyAverage, projected: used.plus(dailyAverage.times(daysRemaining(period))), method: 'linear_7d_daily_average' };
}

/** A quantity as shown: at most 9 places (numeric(30,9)), no exponent. */
export const quantityString = (value: Decimal) => toDecimalString(value.toDecimalPlaces(9));

/** value / maximum × 100, one decimal place, for the bars (display only). */
export function percentOf(value: Decimal, maximum: Decimal): number {
  if (maximum.lte(0)) return value.gt(0) ? 100 : 0;
  return value.div(maximum).times(100).toDecimalPlaces(1).toNumber();
}
