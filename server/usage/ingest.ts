import { randomBytes } from 'node:crypto';
import { prisma, type Tx } from '../db';
import type { Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { now } from '../clock';
import { evaluateUsageAlerts } from '../alerts/evaluate';
import { hourStartOf } from './local-calendar';
import { loadMeters } from './meters';
import { queueForPricing } from './pricing-queue';
import { enforceHardLimits, lockHardLimits } from './quota-guard';
import { retentionCutoff } from './retention';
import { aggregate, insertRawEvents, upsertRollup } from './rollups';
import type { EventResult, IngestResult, UsageEventInput } from './schema';
import { isValid, loadReferences, rejected, validateEvent, type ValidEvent } from './validate-events';

export type IngestInput = { tenantId: string; apiKeyId: string | null; events: readonly UsageEventInput[] };

/** usage_events ids (`evt_…`), made in bulk: one random draw per batch instead of one per event. */
function eventRowIds(count: number): string[] {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  const bytes = randomBytes(count * 16);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    let id = 'evt_';
    for (let j = 0; j < 16; j += 1) id += alphabet[bytes[i * 16 + j]! % 36];
    ids.push(id);
  }
  return ids;
}

/** The ids of this batch's events that an earlier request already counted. */
async function alreadyCounted(tx: Tx, tenantId: string, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ event_id: string }[]>`
    SELECT event_id FROM usage_events WHERE tenant_id = ${tenantId} AND event_id = ANY(${eventIds}::text[])`;
  return new Set(rows.map((row) => row.event_id));
}

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
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: input.tenantId }, select: { billingTimezone: true } });
    const [meters, references] = [await loadMeters(db), await loadReferences(db, input.tenantId, input.events)];
    const ctx = { ...references, meters, nowMs: at.getTime(), oldestMs: retentionCutoff(at, tenant.billingTimezone).getTime() };

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

    // Lock the hard quotas first, then look for duplicates: a request that waited for the lock sees what the previous one counted.
    const hardLimits = await lockHardLimits(db, input.tenantId, candidates);
    // Only a quota check needs to know duplicates up front; otherwise the insert's ON CONFLICT tells.
    const counted = hardLimits.length ? await alreadyCounted(db, input.tenantId, candidates.map((e) => e.eventId)) : new Set<string>();
    const unseen = candidates.filter((event) => {
      if (!counted.has(event.eventId)) return true;
      results[event.index] = { event_id: event.eventId, status: 'duplicate' };
      return false;
    });
    const kinds = new Map([...meters.values()].map((m) => [m.resourceType, m.kind]));
    const overQuota = await enforceHardLimits(db, input.tenantId, hardLimits, unseen, at, kinds);
    const fresh = unseen.filter((event) => {
      const refusal = overQuota.get(event.index);
      if (refusal) results[event.index] = rejected(event.eventId, refusal);
      return !refusal;
    });

    const inserted = await insertRawEvents(db, { tenantId: input.tenantId, apiKeyId: input.apiKeyId, ids: eventRowIds(fresh.length), events: fresh, at });
    const accepted = fresh.filter((event) => {
      results[event.index] = { event_id: event.eventId, status: inserted.has(event.eventId) ? 'accepted' : 'duplicate' };
      return inserted.has(event.eventId);
    });
    const cells = aggregate(accepted, tenant.billingTimezone);
    await upsertRollup(db, input.tenantId, 'hourly', cells.hourly, at);
    await upsertRollup(db, input.tenantId, 'daily', cells.daily, at);
    await upsertRollup(db, input.tenantId, 'monthly', cells.monthly, at);
    await queueForPricing(db, input.tenantId, touchedHours(accepted));
    await evaluateUsageAlerts(db, { tenantId: input.tenantId, touched: touchedSeries(accepted) });

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
