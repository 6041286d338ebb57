import { beforeAll, describe, expect, it } from 'vitest';
import { POST as ingest } from '@/app/api/v1/usage/events/route';
import { seedApiKey, seedTestTenant, type SeededTenant } from '@/prisma/seed/factories';
import { now } from '@/server/clock';
import { prisma } from '@/server/db';
import { bearer, callRoute } from '@/test/harness';

const PATH = '/api/v1/usage/events';
type Tenant = { seeded: SeededTenant; key: string; readWriteKey: string };

async function tenant(currency: 'CNY' | 'USD'): Promise<Tenant> {
  const seeded = await seedTestTenant(currency);
  return { seeded, key: (await seedApiKey(seeded, ['ingest'], 'meter')).key, readWriteKey: (await seedApiKey(seeded, ['read', 'write'], 'rw')).key };
}

const minutesAgo = (minutes: number) => new Date(now().getTime() - minutes * 60_000).toISOString();
const post = (headers: Record<string, string>, body: unknown) =>
  callRoute(ingest, { method: 'POST', path: PATH, headers, ...(typeof body === 'string' ? { rawBody: body } : { body }) });
const rollups = async (tenantId: string) => ({
  hourly: await prisma.usageHourly.findMany({ where: { tenantId }, select: { namespaceId: true, appId: true, resourceType: true, hourStart: true, quantity: true, eventCount: true }, orderBy: [{ resourceType: 'asc' }, { hourStart: 'asc' }] }),
  daily: await prisma.usageDaily.findMany({ where: { tenantId }, select: { resourceType: true, day: true, quantity: true, eventCount: true }, orderBy: [{ resourceType: 'asc' }, { day: 'asc' }] }),
  monthly: await prisma.usageMonthly.findMany({ where: { tenantId }, select: { resourceType: true, month: true, quantity: true, eventCount: true }, orderBy: [{ resourceType: 'asc' }, { month: 'asc' }] }),
  events: await prisma.usageEvent.count({ where: { tenantId } }),
});

let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  [a, b] = [await tenant('CNY'), await tenant('USD')];
});

describe('POST /api/v1/usage/events', () => {
  it('200 with one result per event; a replay answers duplicates and changes nothing', async () => {
    const body = { events: [
      { event_id: 'r1', app_id: a.seeded.apps[0]!.id, namespace: 'web', resource_type: 'api_calls', quantity: 3, timestamp: minutesAgo(1), properties: { route: '/login' } },
      { event_id: 'r2', resource_type: 'mfa_verifications', quantity: '1', timestamp: minutesAgo(90) },
      { event_id: 'r3', namespace: 'web', resource_type: 'coffee', quantity: 1, timestamp: minutesAgo(1) },
    ] };
    const first = await post(bearer(a.key), body);
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ code: 200, message: 'ok', data: { accepted: 2, duplicates: 0, rejected: 1 } });
    const data = (first.json as { data: { results: unknown[] } }).data;
    expect(data.results).toEqual([
      { event_id: 'r1', status: 'accepted' }, { event_id: 'r2', status: 'accepted' },
      { event_id: 'r3', status: 'rejected', reason: { code: 'unknown_resource_type', message: 'resource type "coffee" is not metered' } },
    ]);
    const before = await rollups(a.seeded.tenant.id);
    expect(before.events).toBe(2);
    const replay = await post(bearer(a.key), body);
    expect(replay.status).toBe(200);
    expect(replay.json).toMatchObject({ data: { accepted: 0, duplicates: 2, rejected: 1 } });
    expect(await rollups(a.seeded.tenant.id)).toEqual(before);
    const audit = await prisma.auditLog.findFirst({ where: { tenantId: a.seeded.tenant.id, action: 'usage.ingest' }, orderBy: { createdAt: 'desc' } });
    expect(audit).toMatchObject({ actorKind: 'api_key', targetType: 'usage_events' });
  });

  it('400 for a malformed batch: not JSON, no events, over 1,000, wrong types, unknown keys', async () => {
    const good = { event_id: 'x', resource_type: 'api_calls', quantity: 1, timestamp: minutesAgo(1) };
    const bodies: unknown[] = [
      '{"events": [', {}, { events: [] }, { events: Array.from({ length: 1001 }, (_, i) => ({ ...good, event_id: `m${i}` })) },
      { events: [{ ...good, quantity: true }] }, { events: [{ ...good, event_id: 7 }] }, { events: [{ ...good, colour: 'red' }] }, { events: [good], extra: 1 },
    ];
    for (const body of bodies) {
      const res = await post(bearer(a.key), body);
      expect(res.status, `${JSON.stringify(body).slice(0, 80)} → ${res.text}`).toBe(400);
      expect(res.json).toMatchObject({ code: 400, data: null, message: expect.any(String) });
    }
    expect(await prisma.usageEvent.count({ where: { tenantId: a.seeded.tenant.id, eventId: { startsWith: 'm' } } })).toBe(0);
  });

  it('1,000 events in one batch are accepted', async () => {
    const events = Array.from({ length: 1000 }, (_, i) => ({ event_id: `k${i}`, resource_type: 'bandwidth_gb', quantity: '0.001', timestamp: minutesAgo(i % 50) }));
    const res = await post(bearer(a.key), { events });
    expect(res.status, res.text.slice(0, 200)).toBe(200);
    expect(res.json).toMatchObject({ data: { accepted: 1000 } });
    const total = await prisma.usageMonthly.aggregate({ where: { tenantId: a.seeded.tenant.id, resourceType: 'bandwidth_gb' }, _sum: { quantity: true } });
    expect(total._sum.quantity?.toFixed()).toBe('1');
  });

  it('401 without a credential or with a bad key; 403 for a key without the ingest scope', async () => {
    const body = { events: [{ event_id: 'auth', resource_type: 'api_calls', quantity: 1, timestamp: minutesAgo(1) }] };
    expect((await post({}, body)).status).toBe(401);
    expect((await post(bearer('cfk_nothere_000000000000000000000000000000000000'), body)).status).toBe(401);
    const forbidden = await post(bearer(a.readWriteKey), body);
    expect(forbidden.status).toBe(403);
    expect(forbidden.json).toMatchObject({ code: 403, data: null });
    expect(await prisma.usageEvent.count({ where: { tenantId: a.seeded.tenant.id, eventId: 'auth' } })).toBe(0);
  });

  it("differential isolation: B's key cannot write into A's namespaces or apps, and its event ids are its own", async () => {
    const ofA = await rollups(a.seeded.tenant.id);
    await prisma.namespace.update({ where: { tenantId_name: { tenantId: a.seeded.tenant.id, name: 'web' } }, data: { description: 'A only' } });
    const aOnly = `a-only-${a.seeded.tenant.id.slice(-6)}`;
    await prisma.namespace.create({ data: { tenantId: a.seeded.tenant.id, id: `ns_${aOnly.replace(/-/g, '')}`, name: aOnly } });
    const res = await post(bearer(b.key), { events: [
      { event_id: 'r1', namespace: aOnly, resource_type: 'api_calls', quantity: 5, timestamp: minutesAgo(1) },
      { event_id: 'iso-app', app_id: a.seeded.apps[0]!.id, namespace: 'web', resource_type: 'api_calls', quantity: 5, timestamp: minutesAgo(1) },
      { event_id: 'iso-own', namespace: 'web', resource_type: 'api_calls', quantity: 5, timestamp: minutesAgo(1) },
    ] });
    expect(res.status).toBe(200);
    const results = (res.json as { data: { results: { status: string; reason?: { code: string } }[] } }).data.results;
    expect(results.map((r) => [r.status, r.reason?.code])).toEqual([['rejected', 'unknown_namespace'], ['rejected', 'unknown_app'], ['accepted', undefined]]);
    expect(await rollups(a.seeded.tenant.id)).toEqual(ofA);
    // B's "r1" was not a duplicate of A's "r1" (it was refused for A's namespace, not as already counted), and B's own event went to B.
    expect(await prisma.usageEvent.count({ where: { tenantId: b.seeded.tenant.id, eventId: 'iso-own' } })).toBe(1);
  });
});
