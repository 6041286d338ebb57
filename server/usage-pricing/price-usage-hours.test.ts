import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { SYSTEM_ACTOR } from '../audit/actor';
import { startSubscription } from '../subscriptions/start-subscription';
import { ingestAndPrice } from '../../test/usage-pricing-fixture';
import type { UsageEventInput } from '../usage/schema';
import { closeUsagePeriod } from './close-period';
import { billedTotals, priceFromScratch, type RawUsageEvent } from './price-from-scratch';
import { priceUsageHours } from './price-usage-hours';

let seeded: SeededTenant;
const raw: RawUsageEvent[] = [];
let n = 0;
const api = (timestamp: string, quantity: number | string): UsageEventInput => ({
  event_id: `e${++n}`, app_id: seeded.apps[0]!.id, namespace: 'web', resource_type: 'api_calls', quantity, timestamp,
});
const send = async (events: UsageEventInput[]) => raw.push(...await ingestAndPrice(seeded, events));
const lines = (where: object = {}) => prisma.chargeLine.findMany({ where: { tenantId: seeded.tenant.id, resourceType: 'api_calls', ...where }, orderBy: [{ hourStart: 'asc' }, { createdAt: 'asc' }] });
const view = (rows: Awaited<ReturnType<typeof lines>>) => rows.map((l) => [l.hourStart.toISOString().slice(5, 13), l.consumeType, l.quantity.toFixed(), l.includedQuantity.toFixed(), l.amount.toFixed(), l.provisional]);

async function expectEqualsFromScratch() {
  const [expected, actual] = await Promise.all([priceFromScratch(prisma, seeded.tenant.id, raw), billedTotals(prisma, seeded.tenant.id)]);
  const show = (m: typeof expected) => [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, t]) => [k, t.quantity.toFixed(), t.includedQuantity.toFixed(), t.originalAmount.toFixed(), t.discountAmount.toFixed(), t.amount.toFixed()]);
  expect(show(actual)).toEqual(show(expected));
}

beforeAll(async () => {
  seeded = await seedTestTenant('CNY'); // Asia/Shanghai, starter: 1,000,000 API calls included at 0.0002
  setClock(new Date('2026-03-10T02:00:00Z'));
  await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
});
afterEach(() => useSystemClock());

describe('priceUsageHours', () => {
  it('prices hours in time order against the included units, and a late hour re-prices the hours after it in place', async () => {
    setClock(new Date('2026-03-10T06:30:00Z'));
    await send([api('2026-03-10T03:10:00Z', 600_000), api('2026-03-10T05:10:00Z', 600_000)]);
    expect(view(await lines())).toEqual([
      ['03-10T03', 'consumption', '600000', '600000', '0', true],
      ['03-10T05', 'consumption', '600000', '400000', '40', true],
    ]);
    const before = await lines({ hourStart: new Date('2026-03-10T05:00:00Z') });

    await send([api('2026-03-10T04:59:59Z', 300_000)]);
    expect(view(await lines())).toEqual([
      ['03-10T03', 'consumption', '600000', '600000', '0', true],
      ['03-10T04', 'consumption', '300000', '300000', '0', true],
      ['03-10T05', 'consumption', '600000', '100000', '100', true],
    ]);
    const after = await lines({ hourStart: new Date('2026-03-10T05:00:00Z') });
    expect(after.map((l) => [l.id, l.createdAt.toISOString()])).toEqual(before.map((l) => [l.id, l.createdAt.toISOString()]));
    await expectEqualsFromScratch();
  });

  it('keeps the bill, its month and the metered-billing item in step with the lines', async () => {
    const bill = await prisma.bill.findFirstOrThrow({ where: { tenantId: seeded.tenant.id, billMonth: '202603' } });
    expect([bill.state, bill.amount.toFixed()]).toEqual(['pending', '100']);
    const item = await prisma.meteredBillingItem.findFirstOrThrow({ where: { tenantId: seeded.tenant.id, resourceType: 'api_calls' } });
    expect([item.includedUnits.toFixed(), item.totalUsage.toFixed(), item.overageUnits.toFixed(), item.overageAmount.toFixed(), item.status]).toEqual(['1000000', '1500000', '500000', '100', 'open']);
    const line = (await lines())[0]!;
    const sku = await prisma.sku.findUniqueOrThrow({ where: { resourceType: 'api_calls' }, include: { spu: true } });
    expect([line.billId, line.skuId, line.spuId, line.categoryId, line.currency, line.paymentModel, line.unitPrice.toFixed()]).toEqual([bill.id, sku.id, sku.spuId, sku.spu.categoryId, 'CNY', 'postpaid', '0.0002']);
  });

  it('pricing the same hours again changes nothing', async () => {
    const before = view(await lines());
    const again = await prisma.$transaction((tx) => priceUsageHours(tx, { tenantId: seeded.tenant.id, hours: [{ namespaceId: seeded.namespaces[0]!.id, appId: seeded.apps[0]!.id, resourceType: 'api_calls', hourStart: new Date('2026-03-10T03:00:00Z') }] }));
    expect(again).toEqual({ inserted: 0, updated: 0, reconciliationLines: 0 });
    expect(view(await lines())).toEqual(before);
  });

  it('after the period closes, its lines are final and a late event becomes a reconciliation line on the next bill', async () => {
    setClock(new Date('2026-04-12T01:00:00Z'));
    const closed = await prisma.$transaction((tx) => closeUsagePeriod(tx, { tenantId: seeded.tenant.id, hourInPeriod: new Date('2026-03-10T03:00:00Z') }, SYSTEM_ACTOR));
    expect([closed.period.start.toISOString(), closed.period.end.toISOString(), closed.finalized]).toEqual(['2026-03-09T16:00:00.000Z', '2026-04-09T16:00:00.000Z', 3]);
    await send([api('2026-03-10T04:30:00Z', 1000)]);
    const all = await lines();
    expect(view(all)).toEqual([
      ['03-10T03', 'consumption', '600000', '600000', '0', false],
      ['03-10T04', 'consumption', '300000', '300000', '0', false],
      ['03-10T04', 'reconciliation', '1000', '1000', '0', false],
      ['03-10T05', 'consumption', '600000', '100000', '100', false],
      ['03-10T05', 'reconciliation', '0', '-1000', '0.2', false],
    ]);
    const april = await prisma.bill.findFirstOrThrow({ where: { tenantId: seeded.tenant.id, billMonth: '202604' } });
    expect(all.filter((l) => l.consumeType === 'reconciliation').every((l) => l.billId === april.id)).toBe(true);
    expect(april.amount.toFixed()).toBe('0.2');
    await expectEqualsFromScratch();
  });
});
