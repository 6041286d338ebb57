import { prisma, type Tx } from '../db';
import type { Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { now } from '../clock';
import { evaluateUsageAlerts } from '../alerts/evaluate';
import { hourStartOf } from './local-calendar';
import { eventRowIds } from './event-row-ids';
import { pricingQueueInsert } from './pricing-queue';
import { enforceHardLimits, lockHardLimits } from './quota-guard';
import { retentionCutoff } from './retention';
import { aggregate, insertRawEvents, removeRawEvents, rollupUpsert, writeAsOneStatement } from './rollups';
import type { EventResult, IngestResult, UsageEventInput } from './schema';
import { isValid, loadIngestContext, rejected, validateEvent, type ValidEvent } from './validate-events';

export type IngestInput = { tenantId: string; apiKeyId: string | null; events: readonly UsageEventInput[] };

/**
 * Ingests a batch of metering events in one transaction: each event is accepted, a duplicate (its
 * event_id was counted before: nothing changes), or rejected with a reason, without refusing the
 * good ones. Accepted events are written set-based: the raw rows, then the hourly, daily and
 * monthly rollups (days and months in the tenant's timezone) — so an event counts in charts,
 * quotas and usage alerts the moment this returns — and the touched hours are queued for the
 * `usage-price` job, which turns them into charge lines (server/usage/pricing-queue.ts).
 */
export async function ingestUsageEvents(input: IngestInput, actor: Actor, tx?: Tx): Promise<IngestResult> {
  const run = async (db: Tx): Promise<IngestResult> => {
    const at = now();
    const loaded = await loadIngestContext(db, input.tenantId, input.events, at);
    if (!loaded) throw new Error(`tenant ${input.tenantId} not found`);
    const { meters, timeZone, period } = loaded;
    const ctx = { namespaces: loaded.namespaces, apps: loaded.apps, meters, nowMs: at.getTime(), oldestMs: retentionCutoff(at, timeZone).getTime() };

    const results: EventResult[] = new Array(input.events.length);
    const seenInBatch = new Set<string>();
    const candidates: ValidEvent[] = [];
    input.events.forEach((event, index) => {
      if (seenInBatch.has(event.event_id)) {
        results[index] = { event_id: event.event_id, status: 'duplicate' };
        return;
      }
      seenInBatch.add(event.event_id);
      const checked = validateEvent(event, index, ctx);
      if (isValid(checked)) candidates.push(checked);
      else results[index] = rejected(event.event_id, checked);
    });

    // The raw rows first, outside any lock another batch waits for: the insert tells duplicates
    // (it waits for a concurrent request inserting the same id, then sees its row), and rows of
    // events a hard quota refuses below are taken back in this transaction.
    const counted = await insertRawEvents(db, { tenantId: input.tenantId, apiKeyId: input.apiKeyId, ids: eventRowIds(candidates.length), events: candidates, at });
    const unseen = candidates.filter((event) => {
      if (!counted.has(event.eventId)) return true;
      results[event.index] = { event_id: event.eventId, status: 'duplicate' };
      return false;
    });
    // From here to commit, concurrent batches of the tenant queue behind each other (hard quota locks,
    // rollup rows): keep it short. The locked quotas are measured on committed usage, so no overshoot.
    const hardLimits = await lockHardLimits(db, input.tenantId, unseen);
    const kinds = new Map([...meters.values()].map((m) => [m.resourceType, m.kind]));
    const overQuota = await enforceHardLimits(db, input.tenantId, hardLimits, unseen, period, kinds);
    const accepted = unseen.filter((event) => {
      const refusal = overQuota.get(event.index);
      results[event.index] = refusal ? rejected(event.eventId, refusal) : { event_id: event.eventId, status: 'accepted' };
      return !refusal;
    });
    await removeRawEvents(db, input.tenantId, unseen.filter((event) => overQuota.has(event.index)).map((event) => event.eventId));
    const cells = aggregate(accepted, timeZone);
    await writeAsOneStatement(db, [
      rollupUpsert(input.tenantId, 'hourly', cells.hourly, at), rollupUpsert(input.tenantId, 'daily', cells.daily, at),
      rollupUpsert(input.tenantId, 'monthly', cells.monthly, at), pricingQueueInsert(input.tenantId, touchedHours(accepted)),
    ]);
    await evaluateUsageAlerts(db, { tenantId: input.tenantId, touched: touchedSeries(accepted), period });

    const summary = summarize(results);
    if (summary.accepted + summary.rejected > 0) {
      await recordAudit(db, actor, { tenantId: input.tenantId, action: 'usage.ingest', targetType: 'usage_events', targetId: null, after: { ...summary, rejections: rejectionCounts(results) } });
    }
    return { ...summary, results };
  };
  // Batches queue on hard-quota locks and on the pool under load: wait longer than Prisma's defaults (2 s / 5 s) before giving up.
  return tx ? run(tx) : prisma.$transaction(run, { maxWait: 15_000, timeout: 60_000 });
}

/** The hourly rollup rows the batch changed, queued for pricing (billable meters only: sign-in statistics are not sold). */
function touchedHours(events: readonly ValidEvent[]) {
  const touched = new Map<string, { namespaceId: string; appId: string | null; resourceType: string; hourStart: Date }>();
  for (const e of events) {
    if (!e.billable) continue;
    const hour = hourStartOf(e.atMs);
    touched.set(`${e.namespaceId}\u0000${e.appId}\u0000${e.resourceType}\u0000${hour}`, { namespaceId: e.namespaceId, appId: e.appId || null, resourceType: e.resourceType, hourStart: new Date(hour) });
  }
  return [...touched.values()];
}

/** The (namespace, app, resource type) series the batch added to, once each. */
function touchedSeries(events: readonly ValidEvent[]) {
  const touched = new Map<string, { namespaceId: string; appId: string | null; resourceType: string }>();
  for (const e of events) touched.set(`${e.namespaceId}\u0000${e.appId}\u0000${e.resourceType}`, { namespaceId: e.namespaceId, appId: e.appId || null, resourceType: e.resourceType });
  return [...touched.values()];
}

function summarize(results: readonly EventResult[]) {
  const summary = { accepted: 0, duplicates: 0, rejected: 0 };
  for (const result of results) {
    if (result.status === 'accepted') summary.accepted += 1;
    else if (result.status === 'duplicate') summary.duplicates += 1;
    else summary.rejected += 1;
  }
  return summary;
}

function rejectionCounts(results: readonly EventResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) if (result.reason) counts[result.reason.code] = (counts[result.reason.code] ?? 0) + 1;
  return counts;
}
