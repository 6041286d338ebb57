import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { newId } from '../ids';
import { ingestUsageEvents } from './ingest';
import type { UsageEventInput } from './schema';

const NOW = new Date('2026-11-20T10:30:00Z');
afterEach(() => useSystemClock());

async function tenantWithQuota(limit: { namespace: 'web' | 'system'; resourceType: string; maximum: string; enforcement: 'hard' | 'soft'; app?: boolean }) {
  const seeded = await seedTestTenant('CNY');
  const namespace = await prisma.namespace.findFirstOrThrow({ where: { tenantId: seeded.tenant.id, name: limit.namespace } });
  const quota = await prisma.quota.create({ data: {
    tenantId: seeded.tenant.id, id: newId('qta'), namespaceId: namespace.id, name: `q-${limit.resourceType.replace('_', '-')}`, enforcement: limit.enforcement,
    appId: limit.app ? seeded.apps[0]!.id : null, uid: randomUUID(), resourceLimits: { [limit.resourceType]: { maximum: Number(limit.maximum) } },
  } });
  await prisma.quotaResourceLimit.create({ data: { tenantId: seeded.tenant.id, quotaId: quota.id, resourceType: limit.resourceType, maximum: limit.maximum } });
  return { seeded, quota };
}

const eventOf = (seeded: SeededTenant, id: string, overrides: Partial<UsageEventInput> = {}): UsageEventInput => ({
  event_id: id, app_id: seeded.apps[0]!.id, namespace: 'web', resource_type: 'api_calls', quantity: 4, timestamp: '2026-11-20T10:00:00Z', ...overrides,
});
const ingest = (seeded: SeededTenant, events: UsageEventInput[]) => ingestUsageEvents({ tenantId: seeded.tenant.id, apiKeyId: null, events }, seeded.ownerActor);
const sumOf = async (tenantId: string, resourceType = 'api_calls') =>
  (await prisma.usageHourly.aggregate({ where: { tenantId, resourceType }, _sum: { quantity: true } }))._sum.quantity?.toFixed() ?? '0';

describe('hard and soft quotas at ingest', () => {
  it('a hard counter quota refuses the event that would cross it, naming the quota; later events that fit pass', async () => {
    setClock(NOW);
    const { seeded } = await tenantWithQuota({ namespace: 'web', resourceType: 'api_calls', maximum: '10', enforcement: 'hard' });
    const result = await ingest(seeded, [eventOf(seeded, 'e1'), eventOf(seeded, 'e2'), eventOf(seeded, 'e3'), eventOf(seeded, 'e4', { quantity: 2 }), eventOf(seeded, 'e5', { quantity: 0 })]);
    expect(result.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected', 'accepted', 'accepted']);
    expect(result.results[2]!.reason).toMatchObject({ code: 'quota_exceeded', quota: { namespace: 'web', name: 'q-api-calls' } });
    expect(await sumOf(seeded.tenant.id)).toBe('10');
    // The next request sees the committed usage; a late event of last month does not count toward this period.
    const next = await ingest(seeded, [eventOf(seeded, 'e6', { quantity: 1 }), eventOf(seeded, 'late', { timestamp: '2026-10-31T10:00:00Z' })]);
    expect(next.results.map((r) => r.status)).toEqual(['rejected', 'accepted']);
    // Another namespace is outside a "web" quota.
    const elsewhere = await ingest(seeded, [eventOf(seeded, 'e7', { namespace: 'system' })]);
    expect(elsewhere.results[0]!.status).toBe('accepted');
    // A refused event left no raw row: sent again (here, to a namespace with room) it is judged again, not a duplicate.
    expect(await prisma.usageEvent.count({ where: { tenantId: seeded.tenant.id, eventId: { in: ['e3', 'e6'] } } })).toBe(0);
    const again = await ingest(seeded, [eventOf(seeded, 'e3', { namespace: 'system' })]);
    expect(again.results[0]!.status).toBe('accepted');
  });

  it('a soft quota lets events through', async () => {
    setClock(NOW);
    const { seeded } = await tenantWithQuota({ namespace: 'system', resourceType: 'api_calls', maximum: '5', enforcement: 'soft' });
    const result = await ingest(seeded, [eventOf(seeded, 's1'), eventOf(seeded, 's2')]);
    expect(result.accepted).toBe(2);
  });

  it('a system quota narrowed to one app counts that app in every namespace, and no other app', async () => {
    setClock(NOW);
    const { seeded } = await tenantWithQuota({ namespace: 'system', resourceType: 'api_calls', maximum: '5', enforcement: 'hard', app: true });
    const result = await ingest(seeded, [eventOf(seeded, 'a1'), eventOf(seeded, 'a2', { namespace: 'system' }), eventOf(seeded, 'noapp', { app_id: null, quantity: 100 })]);
    expect(result.results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
  });

  it('a hard gauge quota judges the hour total of its series peaks', async () => {
    setClock(NOW);
    const { seeded } = await tenantWithQuota({ namespace: 'system', resourceType: 'storage_gb', maximum: '10', enforcement: 'hard' });
    const storage = (id: string, quantity: number, overrides: Partial<UsageEventInput> = {}) => eventOf(seeded, id, { resource_type: 'storage_gb', quantity, ...overrides });
    const result = await ingest(seeded, [
      storage('g1', 6), storage('g2', 5, { app_id: null }), storage('g3', 4, { app_id: null }), storage('g4', 6), storage('g5', 8, { timestamp: '2026-11-20T09:00:00Z' }),
    ]);
    expect(result.results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted', 'accepted', 'accepted']);
  });

  it('20 concurrent ingests never overshoot a hard quota', async () => {
    setClock(NOW);
    const { seeded } = await tenantWithQuota({ namespace: 'web', resourceType: 'api_calls', maximum: '10', enforcement: 'hard' });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => ingest(seeded, [eventOf(seeded, `c${i}`, { quantity: 1 })])));
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(10);
    expect(await sumOf(seeded.tenant.id)).toBe('10');
  });
});
