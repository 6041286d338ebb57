import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { startSubscription } from '../subscriptions/start-subscription';
import { ingestAndPrice } from '../../test/usage-pricing-fixture';
import type { UsageEventInput } from '../usage/schema';
import { billedTotals, priceFromScratch, type RawUsageEvent } from './price-from-scratch';

let seeded: SeededTenant;
beforeAll(async () => {
  seeded = await seedTestTenant('CNY');
  setClock(new Date('2026-05-02T01:00:00Z'));
  await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  setClock(new Date('2026-05-03T12:30:00Z'));
});
afterAll(() => useSystemClock());

describe('concurrent ingests of one tenant', () => {
  it('price every hour once: one consumption line per key, and the lines equal pricing from scratch', async () => {
    // Rounds of 4 requests at once, one per series (namespace × app), each in hours of its own: no
    // shared rollup row (hourly, daily or monthly) to queue on, yet each re-prices a suffix holding
    // the others' hours, and the included 1,000,000 API calls run out midway.
    const series = [['web', seeded.apps[0]!.id], ['web', null], ['system', seeded.apps[0]!.id], ['system', null]] as const;
    const raw: RawUsageEvent[] = [];
    for (let round = 0; round < 6; round++) {
      const batches: UsageEventInput[][] = series.map(([namespace, app], s) => Array.from({ length: 4 }, (_, i) => ({
        event_id: `c${round}-${s}-${i}`, app_id: app, namespace, resource_type: i === 3 ? 'active_users' : 'api_calls',
        quantity: i === 3 ? 1000 + round * 100 + s : 20_000 + round * 1000 + s,
        timestamp: new Date(Date.parse('2026-05-03T12:10:00Z') - ((round * 4 + s) % 24) * 3_600_000 - i * 60_000).toISOString(),
      })));
      raw.push(...(await Promise.all(batches.map((batch) => ingestAndPrice(seeded, batch)))).flat());
    }
    expect(raw).toHaveLength(96);
    const duplicates = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM charge_lines WHERE tenant_id = ${seeded.tenant.id} AND consume_type = 'consumption'
      GROUP BY resource_type, namespace_id, app_id, hour_start HAVING count(*) > 1) d`;
    expect(duplicates[0]!.n).toBe(0);
    const [expected, actual] = await Promise.all([priceFromScratch(prisma, seeded.tenant.id, raw), billedTotals(prisma, seeded.tenant.id)]);
    const show = (m: typeof expected) => [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, t]) => `${k} ${t.quantity.toFixed()} ${t.includedQuantity.toFixed()} ${t.amount.toFixed()}`);
    expect(show(actual)).toEqual(show(expected));
    // 72 events of 20k–25k API calls cross the 1,000,000 included: some lines must be billed.
    expect([...actual.values()].some((t) => t.amount.gt(0))).toBe(true);
  }, 120_000);
});
