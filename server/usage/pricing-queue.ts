import { Prisma, prisma, type Tx } from '../db';
import { evaluateUsageAlerts } from '../alerts/evaluate';
import { priceUsageHours, type TouchedHour } from '../usage-pricing/price-usage-hours';

/**
 * Pricing is the one part of ingest that does not have to happen before the request returns: charts,
 * quotas and usage alerts read the rollups, which ingest writes in its transaction. So ingest only
 * records which hourly rollups it changed (usage_pricing_queue, an outbox, in the same transaction)
 * and the `usage-price` job prices them: a batch of touched hours per transaction, rows deleted in the
 * transaction that prices them (a crash leaves them for the next run), re-priced from the earliest
 * hour per resource type as priceUsageHours does — so forty batches that touched the same hour cost
 * one re-pricing, not forty. Spend alerts are evaluated after pricing, when there is spend to see.
 */

/**
 * The insert that records the billable hours a batch changed (ingest runs it in the statement that
 * writes its rollups); a row already queued stays queued: one pricing covers both. Null: nothing to queue.
 */
export function pricingQueueInsert(tenantId: string, hours: readonly TouchedHour[]): Prisma.Sql | null {
  if (hours.length === 0) return null;
  return Prisma.sql`
    INSERT INTO usage_pricing_queue (tenant_id, namespace_id, app_id, resource_type, hour_start)
    SELECT ${tenantId}, u.namespace_id, u.app_id, u.resource_type, u.hour_start
    FROM unnest(${hours.map((h) => h.namespaceId)}::text[], ${hours.map((h) => h.appId ?? '')}::text[], ${hours.map((h) => h.resourceType)}::text[],
      ${hours.map((h) => h.hourStart.toISOString())}::timestamptz[]) AS u(namespace_id, app_id, resource_type, hour_start)
    ORDER BY 1, 2, 3, 4
    ON CONFLICT DO NOTHING`;
}

type QueuedRow = { namespace_id: string; app_id: string; resource_type: string; hour_start: Date };

/**
 * Takes up to `limit` queued hours of one tenant, deleting them in `tx` (rows another pricing run has
 * claimed are skipped), and prices them there; then evaluates the tenant's alerts on what it priced.
 */
export async function priceQueuedHoursIn(tx: Tx, tenantId: string, limit = 5000): Promise<number> {
  const claimed = await tx.$queryRaw<QueuedRow[]>`
    DELETE FROM usage_pricing_queue q
    WHERE (q.tenant_id, q.namespace_id, q.app_id, q.resource_type, q.hour_start) IN (
      SELECT tenant_id, namespace_id, app_id, resource_type, hour_start FROM usage_pricing_queue
      WHERE tenant_id = ${tenantId} ORDER BY hour_start, namespace_id, app_id, resource_type LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING q.namespace_id, q.app_id, q.resource_type, q.hour_start`;
  if (claimed.length === 0) return 0;
  const hours = claimed.map((row) => ({ namespaceId: row.namespace_id, appId: row.app_id || null, resourceType: row.resource_type, hourStart: row.hour_start }));
  await priceUsageHours(tx, { tenantId, hours });
  const series = new Map(hours.map((h) => [`${h.namespaceId}\u0000${h.appId}\u0000${h.resourceType}`, { namespaceId: h.namespaceId, appId: h.appId, resourceType: h.resourceType }]));
  await evaluateUsageAlerts(tx, { tenantId, touched: [...series.values()] });
  return claimed.length;
}

/**
 * The `usage-price` job: prices everything queued for the tenant, a bounded batch per transaction,
 * until the queue is empty (hours queued while it ran are taken too, so a kick that found this job
 * running loses nothing). Idempotent: pricing the same rollups again writes the same lines.
 */
export async function priceQueuedUsage(input: { tenantId: string; batch?: number; maxBatches?: number }): Promise<{ hours: number; batches: number }> {
  const { tenantId, batch = 5000, maxBatches = 1000 } = input;
  let hours = 0;
  for (let batches = 0; batches < maxBatches; batches += 1) {
    const priced = await prisma.$transaction((tx) => priceQueuedHoursIn(tx, tenantId, batch), { timeout: 120_000, maxWait: 30_000 });
    if (priced === 0) return { hours, batches };
    hours += priced;
  }
  return { hours, batches: maxBatches };
}

/** Tenants with hours waiting to be priced (the sweep's safety net for a kick that never came). */
export async function tenantsWithQueuedUsage(tenantIds?: readonly string[]): Promise<string[]> {
  const scope = tenantIds ? Prisma.sql`WHERE tenant_id = ANY(${[...tenantIds]}::text[])` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ tenant_id: string }[]>`SELECT DISTINCT tenant_id FROM usage_pricing_queue ${scope} ORDER BY 1`;
  return rows.map((row) => row.tenant_id);
}
