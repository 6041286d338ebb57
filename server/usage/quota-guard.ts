import { Prisma, type Tx } from '../db';
import { periodUsage, type UsagePeriod, type UsageScope } from '../quotas/period-usage';
import { SYSTEM_NAMESPACE } from '../tenants/namespaces';
import { hourStartOf } from './local-calendar';
import { decimalToNanos, nanosToDecimal } from './quantity';
import type { Rejection, ValidEvent } from './validate-events';

/** One hard limit: a quota's maximum for one resource type, in its namespace (system = tenant-wide) and optionally one app. */
type HardLimit = { quotaId: string; quotaName: string; namespaceId: string; namespaceName: string; appId: string | null; resourceType: string; maximum: bigint };

const applies = (limit: HardLimit, event: ValidEvent) =>
  limit.resourceType === event.resourceType
  && (limit.namespaceName === SYSTEM_NAMESPACE || limit.namespaceId === event.namespaceId)
  && (limit.appId === null || limit.appId === event.appId);

/**
 * The enabled hard quotas some event of the batch falls under, locked (FOR UPDATE, in id order)
 * until the ingest commits: every request that could add to one of them waits here for the
 * previous one to commit, then measures usage that includes it — so concurrent ingests never
 * overshoot a hard quota. Soft quotas let events through (alerts watch them) and take no lock.
 */
export async function lockHardLimits(tx: Tx, tenantId: string, events: readonly ValidEvent[]): Promise<HardLimit[]> {
  const resourceTypes = [...new Set(events.map((e) => e.resourceType))];
  if (resourceTypes.length === 0) return [];
  const rows = await tx.$queryRaw<{ quota_id: string; quota_name: string; namespace_id: string; namespace_name: string; app_id: string | null; resource_type: string; maximum: string }[]>`
    SELECT q.id AS quota_id, q.name AS quota_name, q.namespace_id, n.name AS namespace_name, q.app_id, l.resource_type, l.maximum::text AS maximum
    FROM quotas q
    JOIN quota_resource_limits l ON l.tenant_id = q.tenant_id AND l.quota_id = q.id
    JOIN namespaces n ON n.tenant_id = q.tenant_id AND n.id = q.namespace_id
    WHERE q.tenant_id = ${tenantId} AND q.enforcement = 'hard' AND NOT q.disabled AND l.resource_type = ANY(${resourceTypes}::text[])
    ORDER BY q.id, l.resource_type`;
  const limits = rows
    .map((r) => ({ quotaId: r.quota_id, quotaName: r.quota_name, namespaceId: r.namespace_id, namespaceName: r.namespace_name, appId: r.app_id, resourceType: r.resource_type, maximum: decimalToNanos(r.maximum) }))
    .filter((limit) => events.some((event) => applies(limit, event)));
  if (limits.length === 0) return [];
  const quotaIds = [...new Set(limits.map((l) => l.quotaId))];
  const locked = await tx.$queryRaw<{ id: string; enforcement: string; disabled: boolean }[]>`
    SELECT id, enforcement::text AS enforcement, disabled FROM quotas WHERE tenant_id = ${tenantId} AND id = ANY(${quotaIds}::text[]) ORDER BY id FOR UPDATE`;
  // A quota changed or deleted while we waited for its lock counts as it is now.
  const stillHard = new Set(locked.filter((q) => q.enforcement === 'hard' && !q.disabled).map((q) => q.id));
  return limits.filter((limit) => stillHard.has(limit.quotaId));
}

const scopeOf = (tenantId: string, limit: HardLimit): UsageScope => ({
  tenantId, resourceType: limit.resourceType, namespaceId: limit.namespaceName === SYSTEM_NAMESPACE ? null : limit.namespaceId, appId: limit.appId,
});

/**
 * Usage of one limit as `quota/usage` reports it (server/quotas/period-usage.ts, the current
 * period), kept current in memory while the batch is judged: a counter's period sum grows by each
 * accepted event; a gauge's usage is the period's peak hourly total of its scope, so a sample
 * raises its hour's total by how much it lifts its series' peak in that hour, and only that
 * hour's total can newly cross the maximum.
 */
class LimitUsage {
  private gaugeSeries = new Map<string, bigint>();
  private gaugeHours = new Map<number, bigint>();

  /** Counters: the period sum so far. Gauges judge by hour, from gaugeSeries / gaugeHours. */
  private constructor(readonly limit: HardLimit, readonly gauge: boolean, private usage: bigint) {}

  static async measure(tx: Tx, tenantId: string, limit: HardLimit, gauge: boolean, period: UsagePeriod, events: readonly ValidEvent[]) {
    const usage = gauge ? 0n : decimalToNanos((await periodUsage(tx, scopeOf(tenantId, limit), period, 'counter')).toFixed());
    const measured = new LimitUsage(limit, gauge, usage);
    if (gauge) await measured.loadGaugeHours(tx, tenantId, events.map((e) => hourStartOf(e.atMs)));
    return measured;
  }

  private async loadGaugeHours(tx: Tx, tenantId: string, hours: number[]) {
    const scope = scopeOf(tenantId, this.limit);
    const distinct = [...new Set(hours)].map((ms) => new Date(ms).toISOString());
    const rows = await tx.$queryRaw<{ hour_start: Date; namespace_id: string; app_id: string; peak: string }[]>`
      SELECT hour_start, namespace_id, app_id, coalesce(max_value, quantity)::text AS peak FROM usage_hourly
      WHERE tenant_id = ${tenantId} AND resource_type = ${scope.resourceType} AND hour_start = ANY(${distinct}::timestamptz[])
        ${scope.namespaceId === null ? Prisma.empty : Prisma.sql`AND namespace_id = ${scope.namespaceId}`}
        ${scope.appId === null ? Prisma.empty : Prisma.sql`AND app_id = ${scope.appId}`}`;
    for (const row of rows) {
      const peak = decimalToNanos(row.peak);
      const hour = row.hour_start.getTime();
      this.gaugeSeries.set(`${hour}|${row.namespace_id}|${row.app_id}`, peak);
      this.gaugeHours.set(hour, (this.gaugeHours.get(hour) ?? 0n) + peak);
    }
  }

  /**
   * What the event is judged by, and how to count it; null when it does not raise usage. A counter
   * is judged by the period sum after it; a gauge by its hour's total after it (a sample that lifts
   * its hour over the maximum is refused even when an earlier hour already peaked higher).
   */
  private after(event: ValidEvent): { judged: bigint; apply: () => void } | null {
    if (!this.gauge) {
      if (event.nanos === 0n) return null;
      const usage = this.usage + event.nanos;
      return { judged: usage, apply: () => { this.usage = usage; } };
    }
    const hour = hourStartOf(event.atMs);
    const key = `${hour}|${event.namespaceId}|${event.appId}`;
    const seriesPeak = this.gaugeSeries.get(key) ?? 0n;
    if (event.nanos <= seriesPeak) return null;
    const hourTotal = (this.gaugeHours.get(hour) ?? 0n) + event.nanos - seriesPeak;
    return {
      judged: hourTotal,
      apply: () => {
        this.gaugeSeries.set(key, event.nanos);
        this.gaugeHours.set(hour, hourTotal);
      },
    };
  }

  crosses(event: ValidEvent): boolean {
    const next = this.after(event);
    return next !== null && next.judged > this.limit.maximum;
  }

  count(event: ValidEvent): void {
    this.after(event)?.apply();
  }
}

/**
 * Judges the batch in the order sent against the locked hard limits: an event that would take a
 * limit's usage over its maximum is refused (naming the quota); the rest count toward the next.
 * Only events in the current `period` count toward a quota: a late event of a closed period passes.
 */
export async function enforceHardLimits(tx: Tx, tenantId: string, limits: readonly HardLimit[], events: readonly ValidEvent[], period: UsagePeriod, meterKinds: Map<string, 'counter' | 'gauge'>): Promise<Map<number, Rejection>> {
  const refused = new Map<number, Rejection>();
  if (limits.length === 0) return refused;
  const inPeriod = (event: ValidEvent) => { const hour = hourStartOf(event.atMs); return hour >= period.start.getTime() && hour < period.end.getTime(); };
  const usages: LimitUsage[] = [];
  for (const limit of limits) {
    const relevant = events.filter((e) => inPeriod(e) && applies(limit, e));
    if (relevant.length) usages.push(await LimitUsage.measure(tx, tenantId, limit, meterKinds.get(limit.resourceType) === 'gauge', period, relevant));
  }
  for (const event of events) {
    if (!inPeriod(event)) continue;
    const mine = usages.filter((u) => applies(u.limit, event));
    const crossed = mine.find((u) => u.crosses(event));
    if (crossed) {
      const { quotaName, namespaceName, maximum, resourceType } = crossed.limit;
      refused.set(event.index, { code: 'quota_exceeded', message: `hard quota "${quotaName}" (namespace "${namespaceName}") allows at most ${nanosToDecimal(maximum)} ${resourceType} this period`, quota: { namespace: namespaceName, name: quotaName } });
    } else for (const usage of mine) usage.count(event);
  }
  return refused;
}
