/**
 * Usage of the current period, read from the hourly rollups (usage_hourly) that ingest keeps up to
 * date in its own transaction: quotas (`quota/usage`) and usage alerts read the same numbers, and
 * an event counts the moment its ingest commits. Coordinated through the table, not imports of
 * the ingest code.
 */
import { Prisma, type Tx } from '../db';
import { prisma } from '../db';
import { Decimal, ZERO } from '../money';
import { addLocalMonths, fromLocal, toLocal } from '../time/zoned';
import { SYSTEM_NAMESPACE } from '../tenants/namespaces';

type Db = Tx | typeof prisma;

export type UsagePeriod = { start: Date; end: Date };

/**
 * The tenant's current usage period at `at`: its live subscription's billing period; a tenant
 * without one (or whose period has not caught up yet) counts by calendar month in its timezone.
 */
export async function currentUsagePeriod(db: Db, tenantId: string, at: Date): Promise<UsagePeriod> {
  const sub = await db.subscription.findFirst({
    where: { tenantId, endedAt: null, currentPeriodStart: { lte: at }, currentPeriodEnd: { gt: at } },
    orderBy: { startedAt: 'desc' },
    select: { currentPeriodStart: true, currentPeriodEnd: true },
  });
  if (sub) return { start: sub.currentPeriodStart, end: sub.currentPeriodEnd };
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { billingTimezone: true } });
  return calendarMonthPeriod(at, tenant.billingTimezone);
}

/**
 * The same period read inside a larger statement (ingest's context query): the live
 * subscription's period columns at `at` as `period_start`, `period_end` (null without one, then
 * usagePeriodOf falls back as currentUsagePeriod does). `tenant` names the tenants row in the query.
 */
export function subscriptionPeriodColumns(tenant: Prisma.Sql, at: Date): Prisma.Sql {
  const live = Prisma.sql`FROM subscriptions s WHERE s.tenant_id = ${tenant}.id AND s.ended_at IS NULL AND s.current_period_start <= ${at} AND s.current_period_end > ${at} ORDER BY s.started_at DESC LIMIT 1`;
  return Prisma.sql`(SELECT s.current_period_start ${live}) AS period_start, (SELECT s.current_period_end ${live}) AS period_end`;
}

export function usagePeriodOf(row: { period_start: Date | null; period_end: Date | null }, at: Date, timeZone: string): UsagePeriod {
  return row.period_start && row.period_end ? { start: row.period_start, end: row.period_end } : calendarMonthPeriod(at, timeZone);
}

/** A tenant without a live subscription counts by calendar month in its timezone. */
function calendarMonthPeriod(at: Date, timeZone: string): UsagePeriod {
  const local = toLocal(at, timeZone);
  const start = fromLocal({ year: local.year, month: local.month, day: 1 }, timeZone);
  return { start, end: addLocalMonths(start, timeZone, 1, 1) };
}

export type UsageScope = {
  tenantId: string;
  resourceType: string;
  /** null: every namespace (the `system` namespace is tenant-wide). */
  namespaceId: string | null;
  /** null: every app. */
  appId: string | null;
};

/** The namespace filter a quota or alert scope means: `system` is the whole tenant. */
export function namespaceFilter(namespace: { id: string; name: string }): string | null {
  return namespace.name === SYSTEM_NAMESPACE ? null : namespace.id;
}

/**
 * Period usage of one scope: counters sum their hours; gauges (storage, users) take the peak of the
 * scope's hourly total (each namespace/app's hourly peak added up per hour), never a sum over time.
 */
export async function periodUsage(db: Db, scope: UsageScope, period: UsagePeriod, meterKind: 'counter' | 'gauge'): Promise<Decimal> {
  const namespaceClause = scope.namespaceId === null ? Prisma.empty : Prisma.sql`AND namespace_id = ${scope.namespaceId}`;
  const appClause = scope.appId === null ? Prisma.empty : Prisma.sql`AND app_id = ${scope.appId}`;
  // Hours are whole: the hour a period starts in belongs to that period (periods need not start on the hour).
  const where = Prisma.sql`tenant_id = ${scope.tenantId} AND resource_type = ${scope.resourceType}
    AND hour_start >= date_trunc('hour', ${period.start}::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
    AND hour_start < date_trunc('hour', ${period.end}::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' ${namespaceClause} ${appClause}`;
  const rows = meterKind === 'gauge'
    ? await db.$queryRaw<{ value: string | null }[]>`SELECT max(total)::text AS value FROM (
        SELECT sum(coalesce(max_value, quantity)) AS total FROM usage_hourly WHERE ${where} GROUP BY hour_start) AS hours`
    : await db.$queryRaw<{ value: string | null }[]>`SELECT sum(quantity)::text AS value FROM usage_hourly WHERE ${where}`;
  const value = rows[0]?.value;
  return value === null || value === undefined ? ZERO : new Decimal(value);
}

/**
 * Spend of one scope in the period: the sum of its charge lines' `amount` (list price less included
 * units, coupons and vouchers) for the period's hours, in the tenant's currency; refund lines (money
 * given back for an earlier invoice, in the refund's hour) are no spend of this period. Ingest prices the
 * touched hours before it evaluates alerts, so this includes the batch being ingested.
 */
export async function periodSpend(db: Db, scope: Omit<UsageScope, 'namespaceId'>, period: UsagePeriod): Promise<Decimal> {
  const appClause = scope.appId === null ? Prisma.empty : Prisma.sql`AND app_id = ${scope.appId}`;
  const rows = await db.$queryRaw<{ value: string | null }[]>`SELECT sum(amount)::text AS value FROM charge_lines
    WHERE tenant_id = ${scope.tenantId} AND resource_type = ${scope.resourceType} AND consume_type <> 'refund'
      AND hour_start >= date_trunc('hour', ${period.start}::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
      AND hour_start < date_trunc('hour', ${period.end}::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' ${appClause}`;
  const value = rows[0]?.value;
  return value === null || value === undefined ? ZERO : new Decimal(value);
}

/** Counter or gauge, by the resource type's SKU; an unknown type is treated as a counter. */
export async function meterKindOf(db: Db, resourceType: string): Promise<'counter' | 'gauge'> {
  const sku = await db.sku.findUnique({ where: { resourceType }, select: { meterKind: true } });
  return sku?.meterKind ?? 'counter';
}
