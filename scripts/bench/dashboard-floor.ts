/**
 * The dashboard bench's floor: the statements `usageDashboard.*` runs (server/usage-dashboard/sql.ts
 * text, the same round trips in the same order), straight through `pg`, rows out as JSON.
 */
import type pg from 'pg';
import { resolveRange, localMidnight, shiftDate } from '../../server/usage-dashboard/range';
import { QUOTA_LIMITS_SQL, RESOURCE_TYPES_SQL, scopeUsageStatement, seriesStatement } from '../../server/usage-dashboard/sql';
import { addLocalMonths, localDateString, startOfLocalDay } from '../../server/time/zoned';

export type FloorInput = { granularity: 'hour' | 'day' | 'month'; stackBy: 'resource_type' | 'app'; resourceType?: string; from: string; to: string };

async function timeZoneOf(db: pg.Pool, tenantId: string): Promise<string> {
  return (await db.query<{ billing_timezone: string }>('SELECT billing_timezone FROM tenants WHERE id = $1', [tenantId])).rows[0]!.billing_timezone;
}

export async function floorSeries(db: pg.Pool, tenantId: string, input: FloorInput) {
  const timeZone = await timeZoneOf(db, tenantId);
  const range = resolveRange(input.granularity, input, timeZone, new Date());
  const lower = input.granularity === 'hour' ? range.start.toISOString() : input.granularity === 'month' ? `${range.from.slice(0, 7)}-01` : range.from;
  const upper = input.granularity === 'hour' ? range.end.toISOString() : input.granularity === 'month' ? `${range.to.slice(0, 7)}-01` : range.to;
  const statement = seriesStatement({ tenantId, granularity: input.granularity, stackBy: input.stackBy, resourceType: input.resourceType ?? null, lower, upper });
  const [cells, types] = await Promise.all([db.query(statement.text, statement.values), db.query(RESOURCE_TYPES_SQL)]);
  const apps = input.stackBy === 'app'
    ? (await db.query('SELECT id, name FROM apps WHERE tenant_id = $1 AND id = ANY($2::text[])', [tenantId, [...new Set(cells.rows.map((r) => r.stack_key as string))].filter(Boolean)])).rows
    : [];
  return { buckets: range.buckets, cells: cells.rows, resourceTypes: types.rows, apps };
}

/** The period as the domain reads it: the live subscription's current one, else the local calendar month. */
async function period(db: pg.Pool, tenantId: string, timeZone: string, at: Date) {
  const sub = (await db.query(`SELECT plan_code, current_period_start, current_period_end FROM subscriptions
    WHERE tenant_id = $1 AND ended_at IS NULL AND current_period_start <= $2 AND current_period_end > $2 ORDER BY started_at DESC LIMIT 1`, [tenantId, at])).rows[0];
  const today = localDateString(at, timeZone);
  const monthStart = localMidnight(`${today.slice(0, 7)}-01`, timeZone);
  return {
    planCode: (sub?.plan_code as string | undefined) ?? null,
    periodStart: (sub?.current_period_start as Date | undefined) ?? monthStart,
    periodEnd: (sub?.current_period_end as Date | undefined) ?? addLocalMonths(monthStart, timeZone, 1),
    averageStart: localMidnight(shiftDate(today, -7), timeZone),
    averageEnd: startOfLocalDay(at, timeZone),
  };
}

type Period = Awaited<ReturnType<typeof period>>;

async function scopeUsage(db: pg.Pool, tenantId: string, resourceType: string, namespaceId: string | null, appId: string | null, p: Period) {
  const statement = scopeUsageStatement({ tenantId, resourceType, namespaceId, appId, ...p });
  return (await db.query(statement.text, statement.values)).rows[0];
}

export async function floorQuotaBars(db: pg.Pool, tenantId: string) {
  const timeZone = await timeZoneOf(db, tenantId);
  const p = await period(db, tenantId, timeZone, new Date());
  const [limits, types] = await Promise.all([db.query(QUOTA_LIMITS_SQL, [tenantId]), db.query(RESOURCE_TYPES_SQL)]);
  const bars = await Promise.all(limits.rows.map(async (limit) => ({
    ...limit, usage: await scopeUsage(db, tenantId, limit.resource_type, limit.namespace === 'system' ? null : limit.namespace_id, limit.app_id, p),
  })));
  return { period: p, resourceTypes: types.rows, bars };
}

export async function floorProjection(db: pg.Pool, tenantId: string) {
  const timeZone = await timeZoneOf(db, tenantId);
  const p = await period(db, tenantId, timeZone, new Date());
  const types = (await db.query(RESOURCE_TYPES_SQL)).rows;
  const included = p.planCode ? (await db.query('SELECT resource_type, included_units::text FROM plan_entitlements WHERE plan_code = $1', [p.planCode])).rows : [];
  const items = await Promise.all(types.map(async (type) => ({ ...type, usage: await scopeUsage(db, tenantId, type.resource_type, null, null, p) })));
  return { period: p, included, items };
}
