import { generator } from '../../test/seeded-random';
import { afterEach, describe, expect, it } from 'vitest';
import { seedTenant, uniqueSuffix, type SeededTenant } from '../../prisma/seed/factories';
import { advanceClock, now, setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { SYSTEM_ACTOR } from '../audit/actor';
import { startSubscription } from '../subscriptions/start-subscription';
import { renewDueSubscriptions } from '../subscriptions/renew-subscriptions';
import { ingestAndPrice } from '../../test/usage-pricing-fixture';
import type { UsageEventInput } from '../usage/schema';
import { closeUsagePeriod } from './close-period';
import { billedTotals, priceFromScratch, type RawUsageEvent } from './price-from-scratch';
import { loadPeriodResolver } from './periods';
import { grantCoupon } from '../discounts/coupons';
import { issueVoucher } from '../discounts/vouchers';


const HOUR = 3_600_000;
const ZONES = ['Asia/Shanghai', 'UTC', 'America/Los_Angeles', 'Pacific/Chatham', 'Asia/Kolkata', 'Europe/London'] as const;
const PLANS = ['starter', 'pro', 'free', null] as const;
/** Quantities sized against the starter/pro/free included units, so streams cross them mid-period. */
const METERS = [
  { type: 'api_calls', quantity: (r: ReturnType<typeof generator>) => String(r.int(1, 300) * 1000) },
  { type: 'active_users', quantity: (r: ReturnType<typeof generator>) => String(r.int(100, 9000)) },
  { type: 'storage_gb', quantity: (r: ReturnType<typeof generator>) => `${r.int(0, 40)}.${r.int(0, 999)}` },
  { type: 'bandwidth_gb', quantity: (r: ReturnType<typeof generator>) => `${r.int(0, 9)}.${r.int(0, 99)}` },
] as const;

function show(totals: Awaited<ReturnType<typeof billedTotals>>) {
  return [...totals].sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, t]) => `${k} q=${t.quantity.toFixed()} inc=${t.includedQuantity.toFixed()} orig=${t.originalAmount.toFixed()} disc=${t.discountAmount.toFixed()} cpn=${t.couponAmount.toFixed()} amt=${t.amount.toFixed()}`);
}

/** Closes every pricing period of the tenant that ended more than a day ago (what the period-close job does). */
async function closeEndedPeriods(seeded: SeededTenant, closedKeys: Set<string>) {
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: seeded.tenant.id } });
  const hours = await prisma.chargeLine.findMany({ where: { tenantId: tenant.id, consumeType: 'consumption' }, distinct: ['hourStart'], select: { hourStart: true } });
  if (hours.length === 0) return;
  const resolver = await loadPeriodResolver(prisma, tenant.id, tenant.billingTimezone, hours[0]!.hourStart, now());
  for (const { hourStart } of hours) {
    const period = resolver.periodFor(hourStart);
    if (closedKeys.has(period.key) || period.end.getTime() + 24 * HOUR > now().getTime()) continue;
    await prisma.$transaction((tx) => closeUsagePeriod(tx, { tenantId: tenant.id, hourInPeriod: hourStart }, SYSTEM_ACTOR));
    closedKeys.add(period.key);
  }
}

async function runStream(seed: number) {
  const r = generator(seed);
  const zone = ZONES[seed % ZONES.length]!;
  const plan = PLANS[seed % PLANS.length]!;
  const suffix = uniqueSuffix();
  setClock(new Date(Date.UTC(2026, r.int(0, 11), r.int(1, 28), r.int(0, 23), r.int(0, 59))));
  const seeded = await seedTenant({ id: `tnt_p${suffix}`, name: `Prop ${suffix}`, currency: 'CNY', locale: 'en', billingTimezone: zone, domain: `${suffix}.test`, apps: ['web', 'mobile'], namespaces: ['web'] });
  if (plan) await startSubscription({ tenantId: seeded.tenant.id, planCode: plan, adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  const raw: RawUsageEvent[] = [];
  const closed = new Set<string>();
  const sent: UsageEventInput[][] = [];
  let n = 0;
  // Coupons from a random step on (never reaching back), and a voucher the closes spend (the totals compare before vouchers).
  const couponAt = r.int(0, 13);
  if (seed % 3 !== 0) {
    await issueVoucher({ tenantId: seeded.tenant.id, code: `V${seed}`, amount: `${r.int(1, 80)}.${r.int(10, 99)}`, expiresAt: new Date(now().getTime() + r.int(5, 60) * 24 * HOUR), resourceType: null, reason: 'property test' }, SYSTEM_ACTOR);
  }
  for (let step = 0; step < 14; step++) {
    advanceClock(r.int(1, 120) * HOUR + r.int(0, 59) * 60_000);
    if (step === couponAt) await grantCoupon({ tenantId: seeded.tenant.id, couponCode: r.pick(['WELCOME5', 'BANDWIDTH10']), reason: 'property test' }, SYSTEM_ACTOR);
    await renewDueSubscriptions({ tenantIds: [seeded.tenant.id] });
    if (r.next() < 0.35) await closeEndedPeriods(seeded, closed);
    const batch: UsageEventInput[] = [];
    for (let i = r.int(1, 12); i > 0; i--) {
      const meter = r.pick(METERS);
      // Mostly recent; one in four is late by up to 40 days (across period and month boundaries).
      const lateBy = r.next() < 0.25 ? r.int(1, 40 * 24) * HOUR : r.int(0, 3 * 3600) * 1000;
      const at = new Date(Math.max(now().getTime() - lateBy, 0));
      batch.push({
        event_id: `p${seed}-${++n}`, resource_type: meter.type, quantity: meter.quantity(r), timestamp: at.toISOString(),
        namespace: r.pick(['web', 'system']), app_id: r.pick([seeded.apps[0]!.id, seeded.apps[1]!.id, null]),
      });
    }
    sent.push(batch);
    raw.push(...await ingestAndPrice(seeded, batch));
    if (r.next() < 0.2) raw.push(...await ingestAndPrice(seeded, r.pick(sent))); // a replay changes nothing
  }
  const [expected, actual] = await Promise.all([priceFromScratch(prisma, seeded.tenant.id, raw), billedTotals(prisma, seeded.tenant.id)]);
  expect(show(actual), `seed ${seed} (${zone}, ${plan ?? 'no plan'})`).toEqual(show(expected));
  return { seeded, closed, lines: actual.size };
}

afterEach(() => useSystemClock());

/** What the streams went through, so the property is known to cover closes, reconciliations and included units running out. */
const exercised = { closedPeriods: 0, reconciliationLines: 0, linesCrossingIncluded: 0, couponLines: 0, voucherLines: 0 };

describe('incremental pricing equals pricing from scratch', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`random stream ${seed}: late events, replays, period closes, ${ZONES[seed % ZONES.length]}`, async () => {
      const { seeded, closed } = await runStream(seed);
      exercised.closedPeriods += closed.size;
      exercised.reconciliationLines += await prisma.chargeLine.count({ where: { tenantId: seeded.tenant.id, consumeType: 'reconciliation' } });
      exercised.linesCrossingIncluded += await prisma.chargeLine.count({ where: { tenantId: seeded.tenant.id, includedQuantity: { gt: 0 }, amount: { gt: 0 } } });
      exercised.couponLines += await prisma.chargeLine.count({ where: { tenantId: seeded.tenant.id, couponAmount: { not: 0 } } });
      exercised.voucherLines += await prisma.chargeLine.count({ where: { tenantId: seeded.tenant.id, voucherAmount: { gt: 0 } } });
      // Every line: amount = original − discount − coupon − voucher, and never below 0 for consumption.
      const all = await prisma.chargeLine.findMany({ where: { tenantId: seeded.tenant.id } });
      for (const l of all) {
        expect(l.amount.toFixed(), l.id).toBe(l.originalAmount.minus(l.discountAmount).minus(l.couponAmount).minus(l.voucherAmount).toFixed());
        if (l.consumeType === 'consumption') expect(l.amount.gte(0), l.id).toBe(true);
      }
      // Invariants beside the totals: closed periods hold no provisional line; bills carry their lines' sum.
      const bills = await prisma.bill.findMany({ where: { tenantId: seeded.tenant.id }, include: { chargeLines: { select: { amount: true } } } });
      for (const bill of bills) expect(bill.amount.toFixed()).toBe(bill.chargeLines.reduce((s, l) => s.plus(l.amount), bill.amount.minus(bill.amount)).toFixed());
      const items = await prisma.meteredBillingItem.findMany({ where: { tenantId: seeded.tenant.id, status: 'closed' } });
      for (const item of items) {
        const open = await prisma.chargeLine.count({ where: { tenantId: seeded.tenant.id, resourceType: item.resourceType, provisional: true, consumeType: 'consumption', hourStart: { gte: item.periodStart, lt: item.periodEnd } } });
        expect(open).toBe(0);
      }
    }, 120_000);
  }

  it('the streams closed periods, reconciled late events, ran out of included units mid-hour, took coupons and spent vouchers', () => {
    expect(exercised.couponLines).toBeGreaterThan(0);
    expect(exercised.voucherLines).toBeGreaterThan(0);
    expect(exercised.closedPeriods).toBeGreaterThan(0);
    expect(exercised.reconciliationLines).toBeGreaterThan(0);
    expect(exercised.linesCrossingIncluded).toBeGreaterThan(0);
  });
});
