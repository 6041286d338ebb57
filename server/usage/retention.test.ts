import { afterEach, describe, expect, it } from 'vitest';
import { seedTestTenant } from '../../prisma/seed/factories';
import { setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { runDueJobs } from '../jobs/run-due';
import { ingestUsageEvents } from './ingest';
import { removeExpiredRawEvents, retentionCutoff } from './retention';

afterEach(() => useSystemClock());

describe('raw event retention', () => {
  it('the cutoff is the start of the tenant-local month 35 days back', () => {
    expect(retentionCutoff(new Date('2026-11-05T00:00:00Z'), 'UTC').toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(retentionCutoff(new Date('2026-11-05T00:00:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(retentionCutoff(new Date('2026-12-06T00:00:00Z'), 'UTC').toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it('removes raw events of months closed more than 35 days ago in bounded batches, keeps rollups, and is idempotent', async () => {
    const seeded = await seedTestTenant('USD'); // UTC
    setClock(new Date('2026-10-20T12:00:00Z'));
    const events = [
      ...Array.from({ length: 5 }, (_, i) => ({ event_id: `sep-${i}`, resource_type: 'api_calls', quantity: 2, timestamp: `2026-09-${10 + i}T08:00:00Z` })),
      { event_id: 'oct-1', resource_type: 'api_calls', quantity: 7, timestamp: '2026-10-02T08:00:00Z' },
    ];
    expect((await ingestUsageEvents({ tenantId: seeded.tenant.id, apiKeyId: null, events }, seeded.ownerActor)).accepted).toBe(6);
    const rollupsBefore = await prisma.usageHourly.findMany({ where: { tenantId: seeded.tenant.id }, orderBy: { hourStart: 'asc' } });

    const early = await removeExpiredRawEvents({ at: new Date('2026-11-04T23:00:00Z'), tenantIds: [seeded.tenant.id] });
    expect(early.removed).toBe(0); // September closed 34 days ago

    const at = new Date('2026-11-05T00:00:00Z');
    const bounded = await removeExpiredRawEvents({ at, tenantIds: [seeded.tenant.id], batchSize: 2, maxBatches: 2 });
    expect(bounded).toMatchObject({ removed: 4, batches: 2, complete: false });
    setClock(at);
    await runDueJobs({ at, tenantIds: [seeded.tenant.id] });
    expect((await prisma.usageEvent.findMany({ where: { tenantId: seeded.tenant.id }, select: { eventId: true } })).map((e) => e.eventId)).toEqual(['oct-1']);
    expect((await removeExpiredRawEvents({ at, tenantIds: [seeded.tenant.id] })).removed).toBe(0);
    expect(await prisma.usageHourly.findMany({ where: { tenantId: seeded.tenant.id }, orderBy: { hourStart: 'asc' } })).toEqual(rollupsBefore);
    // A replay of a removed event is refused as too old, never counted twice.
    const replay = await ingestUsageEvents({ tenantId: seeded.tenant.id, apiKeyId: null, events: [events[0]!] }, seeded.ownerActor);
    expect(replay.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'timestamp_too_old' } });
  });
});
