import { SYSTEM_ACTOR } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { Prisma, prisma } from '../db';
import { addLocalDays, fromLocal, toLocal } from '../time/zoned';

/** Raw events are kept this many days after their month (in the tenant's timezone) closes; USAGE_RAW_RETENTION_DAYS overrides. */
export function rawRetentionDays(): number {
  const configured = Number(process.env.USAGE_RAW_RETENTION_DAYS ?? 35);
  return Number.isInteger(configured) && configured >= 1 ? configured : 35;
}

/**
 * The oldest instant whose raw event is still kept at `at`: the start of the local month that
 * contains (at − retention days). An event before it belongs to a month that closed more than the
 * retention window ago; its raw row is (or will be) removed, so ingest refuses it rather than
 * count it twice on a replay after removal.
 */
export function retentionCutoff(at: Date, timeZone: string, days = rawRetentionDays()): Date {
  const local = toLocal(addLocalDays(at, timeZone, -days), timeZone);
  return fromLocal({ year: local.year, month: local.month, day: 1 }, timeZone);
}

export type RetentionRun = { removed: number; batches: number; cutoffs: Record<string, string>; complete: boolean };

/**
 * Removes raw events past the retention window (`retentionCutoff` of each tenant's timezone: the
 * same instant ingest refuses events before), at most `batchSize` rows per statement and
 * `maxBatches` statements per run, each its own short transaction; rollups are kept. Idempotent: a
 * second run finds nothing; an unfinished run is finished by the next.
 */
export async function removeExpiredRawEvents(options: { at: Date; tenantIds?: readonly string[]; batchSize?: number; maxBatches?: number }): Promise<RetentionRun> {
  const { at, tenantIds, batchSize = 5000, maxBatches = 200 } = options;
  const scope = tenantIds ? Prisma.sql`AND id = ANY(${[...tenantIds]}::text[])` : Prisma.empty;
  const zones = await prisma.$queryRaw<{ zone: string }[]>`SELECT DISTINCT billing_timezone AS zone FROM tenants WHERE true ${scope} ORDER BY 1`;
  const run: RetentionRun = { removed: 0, batches: 0, cutoffs: {}, complete: true };
  for (const { zone } of zones) {
    const cutoff = retentionCutoff(at, zone);
    run.cutoffs[zone] = cutoff.toISOString();
    for (;;) {
      if (run.batches >= maxBatches) return { ...run, complete: false };
      const removed = await prisma.$executeRaw`
        DELETE FROM usage_events e USING (
          SELECT ev.tenant_id, ev.id FROM usage_events ev JOIN tenants t ON t.id = ev.tenant_id
          WHERE t.billing_timezone = ${zone} ${tenantIds ? Prisma.sql`AND t.id = ANY(${[...tenantIds]}::text[])` : Prisma.empty} AND ev.occurred_at < ${cutoff}
          LIMIT ${batchSize}
        ) doomed
        WHERE e.tenant_id = doomed.tenant_id AND e.id = doomed.id`;
      run.batches += 1;
      run.removed += removed;
      if (removed < batchSize) break;
    }
  }
  if (run.removed > 0) {
    await recordAudit(prisma, SYSTEM_ACTOR, { tenantId: null, action: 'usage.raw_retention', targetType: 'usage_events', targetId: null, after: { removed: run.removed, cutoffs: run.cutoffs, retentionDays: rawRetentionDays() } });
  }
  return run;
}
