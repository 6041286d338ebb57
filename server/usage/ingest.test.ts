import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { ingestUsageEvents } from './ingest';
import type { UsageEventInput } from './schema';

let seeded: SeededTenant;
let web: string;
const NOW = new Date('2026-11-03T10:30:00Z');

beforeAll(async () => {
  seeded = await seedTestTenant('CNY'); // Asia/Shanghai
  web = seeded.namespaces[0]!.id;
});
afterEach(() => useSystemClock());

const event = (id: string, overrides: Partial<UsageEventInput> = {}): UsageEventInput => ({
  event_id: id, app_id: seeded.apps[0]!.id, namespace: 'web', resource_type: 'api_calls', quantity: 1, timestamp: '2026-11-03T10:00:00Z', ...overrides,
});
const ingest = (events: UsageEventInput[]) => ingestUsageEvents({ tenantId: seeded.tenant.id, apiKeyId: null, events }, seeded.ownerActor);

describe('ingestUsageEvents', () => {
  it('accepts good events, reports duplicates and per-event rejections without refusing the good ones', async () => {
    setClock(NOW);
    const first = await ingest([
      event('a1', { quantity: '2.5' }),
      event('a2', { timestamp: '2026-11-03T09:59:59.999Z' }),
      event('a1'),
      event('bad-ns', { namespace: 'nowhere' }),
      event('bad-app', { app_id: 'app_nope' }),
      event('bad-type', { resource_type: 'coffee' }),
      event('fee-type', { resource_type: 'subscription' }),
      event('bad-qty', { quantity: -1 }),
      event('bad-qty2', { quantity: '0.0000000001' }),
      event('bad-ts', { timestamp: 'yesterday' }),
      event('future', { timestamp: '2026-11-03T11:00:00Z' }),
      event('old', { timestamp: '2026-08-01T00:00:00Z' }),
    ]);
    expect(first.results.map((r) => [r.event_id, r.status, r.reason?.code])).toEqual([
      ['a1', 'accepted', undefined], ['a2', 'accepted', undefined], ['a1', 'duplicate', undefined],
      ['bad-ns', 'rejected', 'unknown_namespace'], ['bad-app', 'rejected', 'unknown_app'], ['bad-type', 'rejected', 'unknown_resource_type'],
      ['fee-type', 'rejected', 'unknown_resource_type'], ['bad-qty', 'rejected', 'invalid_quantity'], ['bad-qty2', 'rejected', 'invalid_quantity'],
      ['bad-ts', 'rejected', 'invalid_timestamp'], ['future', 'rejected', 'timestamp_in_future'], ['old', 'rejected', 'timestamp_too_old'],
    ]);
    expect([first.accepted, first.duplicates, first.rejected]).toEqual([2, 1, 9]);

    const hours = await prisma.usageHourly.findMany({ where: { tenantId: seeded.tenant.id, resourceType: 'api_calls' }, orderBy: { hourStart: 'asc' } });
    expect(hours.map((h) => [h.hourStart.toISOString(), h.quantity.toFixed(), h.eventCount])).toEqual([
      ['2026-11-03T09:00:00.000Z', '1', 1], ['2026-11-03T10:00:00.000Z', '2.5', 1],
    ]);
    const replay = await ingest([event('a1', { quantity: '2.5' }), event('a2', { timestamp: '2026-11-03T09:59:59.999Z' })]);
    expect(replay.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const again = await prisma.usageHourly.findMany({ where: { tenantId: seeded.tenant.id, resourceType: 'api_calls' }, orderBy: { hourStart: 'asc' } });
    expect(again.map((h) => h.quantity.toFixed())).toEqual(['1', '2.5']);
  });

  it('gauges keep the peak and the latest sample; days and months follow the tenant timezone', async () => {
    setClock(NOW);
    // 2026-10-31T16:30Z is 2026-11-01 00:30 in Shanghai: November's first day, not October's last.
    await ingest([
      event('g1', { resource_type: 'storage_gb', quantity: 5, timestamp: '2026-10-31T16:30:00Z' }),
      event('g2', { resource_type: 'storage_gb', quantity: 9, timestamp: '2026-10-31T16:40:00Z' }),
      event('g3', { resource_type: 'storage_gb', quantity: 7, timestamp: '2026-10-31T16:50:00Z' }),
      event('g0', { resource_type: 'storage_gb', quantity: 3, timestamp: '2026-10-31T15:59:00Z' }),
    ]);
    const daily = await prisma.usageDaily.findMany({ where: { tenantId: seeded.tenant.id, resourceType: 'storage_gb' }, orderBy: { day: 'asc' } });
    expect(daily.map((d) => [d.day.toISOString().slice(0, 10), d.quantity.toFixed(), d.maxValue?.toFixed(), d.lastValue?.toFixed(), d.eventCount])).toEqual([
      ['2026-10-31', '3', '3', '3', 1], ['2026-11-01', '21', '9', '7', 3],
    ]);
    const monthly = await prisma.usageMonthly.findMany({ where: { tenantId: seeded.tenant.id, resourceType: 'storage_gb' }, orderBy: { month: 'asc' } });
    expect(monthly.map((m) => [m.month.toISOString().slice(0, 10), m.maxValue?.toFixed(), m.lastValue?.toFixed()])).toEqual([['2026-10-01', '3', '3'], ['2026-11-01', '9', '7']]);
    const raw = await prisma.usageEvent.findFirst({ where: { tenantId: seeded.tenant.id, eventId: 'g1' } });
    expect(raw).toMatchObject({ namespaceId: web, resourceType: 'storage_gb', occurredAt: new Date('2026-10-31T16:30:00Z') });
  });

  it('keeps each raw event as sent: its row id, namespace, app (or none), type, exact quantity, millisecond time and properties', async () => {
    setClock(NOW);
    const [api, worker] = [seeded.namespaces[0]!, seeded.namespaces[1] ?? seeded.namespaces[0]!];
    const sent = [
      event('raw-1', { quantity: '0.000000001', timestamp: '2026-11-03T10:01:02.345Z', properties: { route: '/a "b"\\c', n: 1 } }),
      event('raw-2', { app_id: undefined, namespace: worker.name, resource_type: 'bandwidth_gb', quantity: '123456789012345678901.5', timestamp: '2026-11-03T12:01:02.999+02:00' }),
      event('raw-3', { resource_type: 'storage_gb', quantity: 7 }),
    ];
    expect((await ingest(sent)).accepted).toBe(3);
    const rows = await prisma.usageEvent.findMany({ where: { tenantId: seeded.tenant.id, eventId: { startsWith: 'raw-' } }, orderBy: { eventId: 'asc' } });
    expect(rows.map((r) => [r.eventId, r.namespaceId, r.appId, r.resourceType, r.quantity.toFixed(), r.occurredAt.toISOString(), r.properties])).toEqual([
      ['raw-1', api.id, seeded.apps[0]!.id, 'api_calls', '0.000000001', '2026-11-03T10:01:02.345Z', { route: '/a "b"\\c', n: 1 }],
      ['raw-2', worker.id, null, 'bandwidth_gb', '123456789012345678901.5', '2026-11-03T10:01:02.999Z', null],
      ['raw-3', api.id, seeded.apps[0]!.id, 'storage_gb', '7', '2026-11-03T10:00:00.000Z', null],
    ]);
    expect(rows.every((r) => /^evt_[0-9a-z]{21}$/.test(r.id))).toBe(true);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
  });
});

describe('seed 000 daily stats come from the same events', () => {
  it('the compliance export reads counters summed and gauges at their peak per tenant-local day', async () => {
    setClock(NOW);
    const { usageStats } = await import('../export/sections');
    const other = await seedTestTenant('USD'); // UTC days
    const send = (events: UsageEventInput[]) => ingestUsageEvents({ tenantId: other.tenant.id, apiKeyId: null, events }, other.ownerActor);
    const at = '2026-11-02T12:00:00Z';
    await send([
      { event_id: 's1', resource_type: 'api_calls', quantity: 40, timestamp: at }, { event_id: 's2', resource_type: 'api_calls', quantity: 2, timestamp: at },
      { event_id: 's3', resource_type: 'bandwidth_gb', quantity: '1.4', timestamp: at }, { event_id: 's4', resource_type: 'storage_gb', quantity: 9, timestamp: at },
      { event_id: 's5', resource_type: 'storage_gb', quantity: 4, timestamp: '2026-11-02T13:00:00Z' }, { event_id: 's6', resource_type: 'active_users', quantity: 17, timestamp: at },
      { event_id: 's7', resource_type: 'login_attempts', quantity: 5, timestamp: at }, { event_id: 's8', resource_type: 'failed_logins', quantity: 2, timestamp: at },
      { event_id: 's9', resource_type: 'mfa_verifications', quantity: 3, timestamp: at },
    ]);
    const rows = [];
    for await (const row of usageStats(other.tenant.id)) rows.push(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)])));
    expect(rows).toEqual([{
      api_requests: '42', bandwidth_used: '1', date: '2026-11-02', failed_logins: '2', login_attempts: '5', mfa_verifications: '3', storage_used: '9', user_count: '17',
    }]);
  });
});

describe('the period ingest judges quotas and alerts in', () => {
  it('is the one currentUsagePeriod reads: the calendar month without a subscription, the subscription period with one', async () => {
    const { loadIngestContext } = await import('./validate-events');
    const { currentUsagePeriod } = await import('../quotas/period-usage');
    const { startSubscription } = await import('../subscriptions/start-subscription');
    const tenant = await seedTestTenant('CNY');
    const at = new Date('2026-11-17T05:00:00Z'); // mid-month: a subscription started today has its own period
    setClock(at);
    const periodIn = async () => (await prisma.$transaction((tx) => loadIngestContext(tx, tenant.tenant.id, [], at)))!.period;
    expect(await periodIn()).toEqual(await currentUsagePeriod(prisma, tenant.tenant.id, at));
    expect((await periodIn()).start.toISOString()).toBe('2026-10-31T16:00:00.000Z'); // 1 November in Shanghai
    await startSubscription({ tenantId: tenant.tenant.id, planCode: 'starter', adminUserId: tenant.users.owner.id }, tenant.ownerActor);
    const withSubscription = await periodIn();
    expect(withSubscription).toEqual(await currentUsagePeriod(prisma, tenant.tenant.id, at));
    expect(withSubscription.start.toISOString()).not.toBe('2026-10-31T16:00:00.000Z');
  });
});
