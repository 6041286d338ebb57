import { afterEach, describe, expect, it } from 'vitest';
import { seedTenant, uniqueSuffix, type SeededTenant } from '../../prisma/seed/factories';
import { now, setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { runDueJobs } from '../jobs/run-due';
import { usagePrice, usagePriceSweep } from '../jobs/usage-jobs';
import { usagePeriodClose, usagePeriodCloseSweep } from '../jobs/metered-billing-jobs';
import { renewDueSubscriptions } from '../subscriptions/renew-subscriptions';
import { startSubscription } from '../subscriptions/start-subscription';
import { billedTotals, priceFromScratch, type RawUsageEvent } from '../usage-pricing/price-from-scratch';
import { ingestUsageEvents } from './ingest';
import { priceQueuedHoursIn, priceQueuedUsage } from './pricing-queue';
import type { UsageEventInput } from './schema';

const HOUR = 3_600_000;
afterEach(() => useSystemClock());

async function tenantOnFreePlan(): Promise<SeededTenant> {
  const suffix = uniqueSuffix();
  setClock(new Date('2026-05-04T03:00:00Z'));
  const seeded = await seedTenant({ id: `tnt_q${suffix}`, name: `Queue ${suffix}`, currency: 'CNY', locale: 'zh-CN', billingTimezone: 'Asia/Shanghai', domain: `${suffix}.test`, apps: ['web'], namespaces: ['web'] });
  await startSubscription({ tenantId: seeded.tenant.id, planCode: 'free', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  return seeded;
}

/** Past the free plan's included API calls, over several hours, plus a gauge. */
function eventsFor(seeded: SeededTenant, tag: string, from: number): UsageEventInput[] {
  return Array.from({ length: 30 }, (_, i) => ({
    event_id: `${tag}-${i}`, namespace: i % 2 ? 'web' : 'system', app_id: i % 3 ? seeded.apps[0]!.id : null,
    resource_type: i % 5 === 4 ? 'storage_gb' : 'api_calls', quantity: i % 5 === 4 ? `${2 + (i % 7)}.25` : String(9_001 + i * 4_999),
    timestamp: new Date(from + (i % 6) * HOUR + 60_000).toISOString(),
  }));
}

async function ingest(seeded: SeededTenant, events: UsageEventInput[]): Promise<RawUsageEvent[]> {
  const result = await ingestUsageEvents({ tenantId: seeded.tenant.id, apiKeyId: null, events }, seeded.ownerActor);
  const ns = new Map((await prisma.namespace.findMany({ where: { tenantId: seeded.tenant.id } })).map((n) => [n.name, n.id]));
  return events.filter((_, i) => result.results[i]!.status === 'accepted').map((e) => ({
    namespaceId: ns.get(e.namespace ?? 'system')!, appId: e.app_id ?? null, resourceType: e.resource_type, quantity: String(e.quantity), occurredAt: new Date(e.timestamp),
  }));
}

const queued = (tenantId: string) => prisma.usagePricingQueue.count({ where: { tenantId } });
const lines = (tenantId: string) => prisma.chargeLine.findMany({ where: { tenantId }, orderBy: [{ hourStart: 'asc' }, { id: 'asc' }] });

describe('the pricing queue: ingest queues touched hours, the usage-price job prices them', () => {
  it('prices nothing in the request; the job (found by its sweep) prices exactly what a from-scratch pricing gives, and empties the queue', async () => {
    const seeded = await tenantOnFreePlan();
    const tenantId = seeded.tenant.id;
    const raw = [...await ingest(seeded, eventsFor(seeded, 'a', Date.parse('2026-05-04T00:00:00Z'))), ...await ingest(seeded, eventsFor(seeded, 'b', Date.parse('2026-05-04T01:00:00Z')))];
    expect(await queued(tenantId)).toBeGreaterThan(0);
    expect(await prisma.chargeLine.count({ where: { tenantId } })).toBe(0);

    const ran = await runDueJobs({ at: now(), tenantIds: [tenantId], jobs: [usagePriceSweep, usagePrice] });
    expect(ran.map((r) => r.name)).toEqual(['usage-price']);
    expect(await queued(tenantId)).toBe(0);
    const expected = await prisma.$transaction((tx) => priceFromScratch(tx, tenantId, raw));
    expect(await prisma.$transaction((tx) => billedTotals(tx, tenantId))).toEqual(expected);
    expect([...expected.values()].some((t) => t.amount.gt(0))).toBe(true); // past the included units: money, not only quantities
  });

  it('a pricing run that dies after claiming leaves the queue as it was; the re-run prices once, and a second run changes nothing', async () => {
    const seeded = await tenantOnFreePlan();
    const tenantId = seeded.tenant.id;
    await ingest(seeded, eventsFor(seeded, 'c', Date.parse('2026-05-04T00:00:00Z')));
    const waiting = await queued(tenantId);
    await expect(prisma.$transaction(async (tx) => {
      expect(await priceQueuedHoursIn(tx, tenantId)).toBe(waiting);
      expect(await tx.chargeLine.count({ where: { tenantId } })).toBeGreaterThan(0);
      throw new Error('crash after pricing, before commit');
    })).rejects.toThrow('crash');
    expect(await queued(tenantId)).toBe(waiting);
    expect(await prisma.chargeLine.count({ where: { tenantId } })).toBe(0);

    expect((await priceQueuedUsage({ tenantId })).hours).toBe(waiting);
    const once = await lines(tenantId);
    expect((await priceQueuedUsage({ tenantId })).hours).toBe(0);
    expect(await lines(tenantId)).toEqual(once);
  });

  it('two pricing runs at once claim disjoint hours and end with the lines one run gives', async () => {
    const seeded = await tenantOnFreePlan();
    const tenantId = seeded.tenant.id;
    const raw = await ingest(seeded, eventsFor(seeded, 'd', Date.parse('2026-05-04T00:00:00Z')));
    const runs = await Promise.all([priceQueuedUsage({ tenantId, batch: 3 }), priceQueuedUsage({ tenantId, batch: 3 })]);
    expect(runs[0]!.hours + runs[1]!.hours).toBeGreaterThan(0);
    expect(await queued(tenantId)).toBe(0);
    const expected = await prisma.$transaction((tx) => priceFromScratch(tx, tenantId, raw));
    expect(await prisma.$transaction((tx) => billedTotals(tx, tenantId))).toEqual(expected);
  });

  it('the period-close job prices what is still queued as consumption of its period, not as a later reconciliation', async () => {
    const seeded = await tenantOnFreePlan();
    const tenantId = seeded.tenant.id;
    const sub = await prisma.subscription.findFirstOrThrow({ where: { tenantId } });
    setClock(new Date(sub.currentPeriodEnd.getTime() - 60_000));
    // Earlier usage of the period was priced (so the period has its metered-billing items and is due)…
    await ingest(seeded, eventsFor(seeded, 'e0', sub.currentPeriodEnd.getTime() - 20 * HOUR));
    await priceQueuedUsage({ tenantId });
    // …the last batch's hours were still queued when the period ended.
    await ingest(seeded, eventsFor(seeded, 'e', sub.currentPeriodEnd.getTime() - 8 * HOUR));
    expect(await queued(tenantId)).toBeGreaterThan(0);
    setClock(new Date(sub.currentPeriodEnd.getTime() + HOUR));
    await renewDueSubscriptions({ tenantIds: [tenantId] });
    const ran = await runDueJobs({ at: now(), tenantIds: [tenantId], jobs: [usagePeriodCloseSweep, usagePeriodClose] });
    expect(ran.map((r) => r.name)).toEqual(['usage-period-close']);
    expect(await queued(tenantId)).toBe(0);
    const charged = await lines(tenantId);
    expect(charged.length).toBeGreaterThan(0);
    expect(new Set(charged.map((l) => l.consumeType))).toEqual(new Set(['consumption']));
    expect(charged.every((l) => !l.provisional && l.billingRecordId !== null)).toBe(true);
  });
});
