import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { setClock, useSystemClock } from '../clock';
import { Prisma, prisma } from '../db';
import { startSubscription } from '../subscriptions/start-subscription';
import { ingestUsageEvents } from './ingest';
import { priceQueuedUsage } from './pricing-queue';
import type { UsageEventInput } from './schema';

/**
 * Incremental rollups (written batch by batch at ingest) equal a from-scratch aggregation of the
 * raw events, computed independently in SQL (PostgreSQL's own time-zone rules, not our Intl code).
 */
const GRAINS = {
  hourly: { table: 'usage_hourly', bucket: Prisma.sql`to_char(hour_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24')`, scratch: Prisma.sql`to_char(date_trunc('hour', e.occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24')` },
  daily: { table: 'usage_daily', bucket: Prisma.sql`day::text`, scratch: Prisma.sql`((e.occurred_at AT TIME ZONE t.billing_timezone)::date)::text` },
  monthly: { table: 'usage_monthly', bucket: Prisma.sql`month::text`, scratch: Prisma.sql`(date_trunc('month', e.occurred_at AT TIME ZONE t.billing_timezone)::date)::text` },
} as const;
type Grain = keyof typeof GRAINS;
type Row = { namespace_id: string; app_id: string; resource_type: string; bucket: string; quantity: string; max_value: string | null; last_value: string | null; last_at: Date | null; event_count: number };

async function incremental(tenantId: string, grain: Grain): Promise<Row[]> {
  const { table, bucket } = GRAINS[grain];
  return prisma.$queryRaw<Row[]>`
    SELECT namespace_id, app_id, resource_type, ${bucket} AS bucket, quantity::text, max_value::text, last_value::text, last_at, event_count
    FROM ${Prisma.raw(table)} WHERE tenant_id = ${tenantId} ORDER BY 1, 2, 3, 4`;
}

async function fromScratch(tenantId: string, grain: Grain): Promise<Row[]> {
  const { scratch } = GRAINS[grain];
  return prisma.$queryRaw<Row[]>`
    SELECT e.namespace_id, coalesce(e.app_id, '') AS app_id, e.resource_type, ${scratch} AS bucket, sum(e.quantity)::text AS quantity,
      CASE WHEN s.meter_kind = 'gauge' THEN max(e.quantity)::text END AS max_value,
      CASE WHEN s.meter_kind = 'gauge' THEN ((array_agg(e.quantity ORDER BY e.occurred_at DESC, e.quantity DESC))[1])::text END AS last_value,
      max(e.occurred_at) AS last_at, count(*)::int AS event_count
    FROM usage_events e JOIN tenants t ON t.id = e.tenant_id JOIN skus s ON s.resource_type = e.resource_type
    WHERE e.tenant_id = ${tenantId}
    GROUP BY 1, 2, 3, 4, s.meter_kind ORDER BY 1, 2, 3, 4`;
}

async function expectRollupsFromScratch(tenantId: string) {
  for (const grain of Object.keys(GRAINS) as Grain[]) expect(await incremental(tenantId, grain), grain).toEqual(await fromScratch(tenantId, grain));
}

const snapshot = async (tenantId: string) => ({
  ...Object.fromEntries(await Promise.all((Object.keys(GRAINS) as Grain[]).map(async (g) => [g, await incremental(tenantId, g)]))),
  chargeLines: await prisma.chargeLine.findMany({ where: { tenantId }, orderBy: { id: 'asc' } }),
});

/** Instants where a local day or month turns in the zones below, or a DST switch happens. */
const ANCHORS = [
  '2026-09-30T16:00:00Z', // Oct 1 in Shanghai
  '2026-09-30T18:30:00Z', // Oct 1 in Kolkata (+5:30)
  '2026-10-01T00:00:00Z', // Oct 1 UTC
  '2026-10-03T15:30:00Z', // Lord Howe DST starts (+10:30 → +11)
  '2026-10-31T18:15:00Z', // Nov 1 in Kathmandu (+5:45)
  '2026-11-01T04:00:00Z', // Nov 1 in New York (EDT)
  '2026-11-01T06:00:00Z', // New York DST ends (a repeated local hour)
].map((iso) => Date.parse(iso));
const ZONES = ['UTC', 'Asia/Shanghai', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/New_York', 'Australia/Lord_Howe'];
const NOW = new Date('2026-11-04T00:00:00Z');

const eventArb = fc.record({
  anchor: fc.constantFrom(...ANCHORS),
  // Often a few whole minutes from the anchor, so equal timestamps (gauge ties) happen.
  offsetSeconds: fc.oneof(fc.constant(0), fc.integer({ min: -2, max: 2 }).map((m) => m * 60), fc.integer({ min: -120, max: 120 }).map((m) => m * 60), fc.integer({ min: -7200, max: 7200 })),
  resourceType: fc.constantFrom('api_calls', 'bandwidth_gb', 'storage_gb', 'active_users'),
  namespace: fc.constantFrom('system', 'web'),
  withApp: fc.boolean(),
  milli: fc.integer({ min: 0, max: 5_000_000 }),
});

const streamArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  events: fc.array(eventArb, { minLength: 1, maxLength: 80 }),
  cuts: fc.array(fc.nat(), { maxLength: 6 }),
  order: fc.array(fc.nat(), { maxLength: 80 }),
  resend: fc.array(fc.nat(), { maxLength: 10 }),
});

type Stream = typeof streamArb extends fc.Arbitrary<infer T> ? T : never;

function batchesOf(seeded: SeededTenant, stream: Stream): UsageEventInput[][] {
  const events: UsageEventInput[] = stream.events.map((e, i) => ({
    event_id: `p${i}`, namespace: e.namespace, app_id: e.withApp ? seeded.apps[0]!.id : null, resource_type: e.resourceType,
    quantity: (e.milli / 1000).toString(), timestamp: new Date(e.anchor + e.offsetSeconds * 1000).toISOString(),
  }));
  // Shuffle (late events arrive after later ones), add resends, then cut into batches.
  const shuffled = [...events];
  stream.order.forEach((n, i) => { const j = n % shuffled.length; const k = i % shuffled.length; [shuffled[j], shuffled[k]] = [shuffled[k]!, shuffled[j]!]; });
  for (const n of stream.resend) shuffled.push(events[n % events.length]!);
  const cuts = [...new Set(stream.cuts.map((c) => c % shuffled.length))].sort((a, b) => a - b);
  return [0, ...cuts, shuffled.length].flatMap((start, i, all) => (i + 1 < all.length && all[i + 1]! > start ? [shuffled.slice(start, all[i + 1])] : []));
}

afterEach(() => useSystemClock());

describe('rollups', () => {
  it('incremental rollups equal a from-scratch aggregation of random event streams (late events, resends, zones, day/month/DST boundaries)', async () => {
    await fc.assert(fc.asyncProperty(streamArb, async (stream) => {
      setClock(NOW);
      const seeded = await seedTestTenant('USD');
      await prisma.tenant.update({ where: { id: seeded.tenant.id }, data: { billingTimezone: stream.zone } });
      for (const batch of batchesOf(seeded, stream)) await ingestUsageEvents({ tenantId: seeded.tenant.id, apiKeyId: null, events: batch }, seeded.ownerActor);
      expect(await prisma.usageEvent.count({ where: { tenantId: seeded.tenant.id } })).toBe(stream.events.length);
      await expectRollupsFromScratch(seeded.tenant.id);
    }), { numRuns: 12 });
  }, 240_000);

  it('gauge samples at the same instant: the larger is the latest, whatever the arrival order or batch', async () => {
    setClock(NOW);
    const seeded = await seedTestTenant('USD');
    const sample = (id: string, quantity: number): UsageEventInput => ({ event_id: id, resource_type: 'storage_gb', quantity, timestamp: '2026-11-02T10:00:00Z' });
    await ingestUsageEvents({ tenantId: seeded.tenant.id, apiKeyId: null, events: [sample('t1', 5), sample('t2', 9), sample('t3', 7)] }, seeded.ownerActor);
    await ingestUsageEvents({ tenantId: seeded.tenant.id, apiKeyId: null, events: [sample('t4', 8)] }, seeded.ownerActor);
    const [hour] = await incremental(seeded.tenant.id, 'hourly');
    expect([hour!.max_value, hour!.last_value]).toEqual(['9.000000000', '9.000000000']);
    await expectRollupsFromScratch(seeded.tenant.id);
  });

  it('replaying the same batch of 1,000 events leaves every rollup and charge line equal', async () => {
    setClock(NOW);
    const seeded = await seedTestTenant('CNY');
    await startSubscription({ tenantId: seeded.tenant.id, planCode: 'free', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
    const events: UsageEventInput[] = Array.from({ length: 1000 }, (_, i) => ({
      event_id: `batch-${i}`, namespace: i % 3 ? 'web' : 'system', app_id: i % 2 ? seeded.apps[0]!.id : null,
      resource_type: ['api_calls', 'storage_gb', 'bandwidth_gb', 'active_users', 'mfa_verifications'][i % 5]!,
      quantity: `${(i * 37) % 1000}.${i % 7}`, timestamp: new Date(ANCHORS[i % ANCHORS.length]! + ((i * 7919) % 7200) * 1000).toISOString(),
    }));
    const first = await ingestUsageEvents({ tenantId: seeded.tenant.id, apiKeyId: null, events }, seeded.ownerActor);
    expect(first.accepted).toBe(1000);
    await priceQueuedUsage({ tenantId: seeded.tenant.id });
    const before = await snapshot(seeded.tenant.id);
    const replay = await ingestUsageEvents({ tenantId: seeded.tenant.id, apiKeyId: null, events }, seeded.ownerActor);
    expect(await prisma.usagePricingQueue.count({ where: { tenantId: seeded.tenant.id } })).toBe(0); // a replay queues nothing to price
    await priceQueuedUsage({ tenantId: seeded.tenant.id });
    expect([replay.accepted, replay.duplicates]).toEqual([0, 1000]);
    expect(before.chargeLines.length).toBeGreaterThan(0);
    expect(await snapshot(seeded.tenant.id)).toEqual(before);
    await expectRollupsFromScratch(seeded.tenant.id);
  });
});
