import { generator } from '../../test/seeded-random';
import { afterEach, describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { seedTenant, uniqueSuffix } from '../../prisma/seed/factories';
import { now, setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { SYSTEM_ACTOR } from '../audit/actor';
import { startSubscription } from '../subscriptions/start-subscription';
import { runDueJobs } from '../jobs/run-due';
import { usagePeriodClose, usagePeriodCloseSweep } from '../jobs/metered-billing-jobs';
import { ingestAndPrice } from '../../test/usage-pricing-fixture';
import type { UsageEventInput } from '../usage/schema';
import { invoiceUsagePeriod } from './invoice-usage-period';
import { meteredBilling } from '../export/sections';

type Gen = ReturnType<typeof generator>;

const HOUR = 3_600_000;
const ZONES = ['Asia/Shanghai', 'UTC', 'America/Los_Angeles', 'Asia/Kolkata'] as const;
const PLANS = ['starter', 'pro', 'free'] as const;
/** Sized against the plans' included units, so some streams stay inside them and others cross. */
const METERS = [
  { type: 'api_calls', kind: 'counter', quantity: (r: Gen) => String(r.int(1, 400) * r.pick([10, 1000, 7919])) },
  { type: 'bandwidth_gb', kind: 'counter', quantity: (r: Gen) => `${r.int(0, 90)}.${r.int(0, 999)}` },
  { type: 'active_users', kind: 'gauge', quantity: (r: Gen) => String(r.int(1, 12000)) },
  { type: 'storage_gb', kind: 'gauge', quantity: (r: Gen) => `${r.int(0, 900)}.${r.int(0, 999)}` },
] as const;

const jobs = [usagePeriodCloseSweep, usagePeriodClose];

/**
 * From scratch, with decimal.js only: the period's billable usage per resource type. Counters add;
 * a gauge billed by peak is each series' highest sample, summed over series; by average, each
 * series' hourly mean sample over the period's hours (9 places, as stored), summed.
 */
function usageFromScratch(events: UsageEventInput[], gaugeBilling: Map<string, string>, periodHours: number): Map<string, Decimal> {
  const usage = new Map<string, Decimal>();
  const add = (type: string, q: Decimal) => usage.set(type, (usage.get(type) ?? new Decimal(0)).plus(q));
  const peaks = new Map<string, Decimal>();
  const hours = new Map<string, { sum: Decimal; n: number }>();
  for (const e of events) {
    const meter = METERS.find((m) => m.type === e.resource_type)!;
    const q = new Decimal(String(e.quantity));
    const series = `${e.resource_type}|${e.namespace}|${e.app_id ?? ''}`;
    if (meter.kind === 'counter') add(e.resource_type, q);
    else if ((gaugeBilling.get(e.resource_type) ?? 'peak') === 'peak') peaks.set(series, Decimal.max(peaks.get(series) ?? 0, q));
    else {
      const key = `${series}|${Math.floor(Date.parse(e.timestamp) / HOUR)}`;
      const h = hours.get(key) ?? { sum: new Decimal(0), n: 0 };
      hours.set(key, { sum: h.sum.plus(q), n: h.n + 1 });
    }
  }
  for (const [series, peak] of peaks) add(series.split('|')[0]!, peak);
  for (const [key, h] of hours) add(key.split('|')[0]!, h.sum.div(h.n).div(periodHours).toDecimalPlaces(9, Decimal.ROUND_HALF_UP));
  return usage;
}

async function runCase(seed: number) {
  const r = generator(seed);
  const plan = PLANS[seed % PLANS.length]!;
  const suffix = uniqueSuffix();
  setClock(new Date(Date.UTC(2026, r.int(0, 10), r.int(1, 28), r.int(0, 23), r.int(0, 59))));
  const seeded = await seedTenant({ id: `tnt_m${suffix}`, name: `Metered ${suffix}`, currency: 'CNY', locale: 'en', billingTimezone: ZONES[seed % ZONES.length]!, domain: `${suffix}.test`, apps: ['web', 'mobile'], namespaces: ['web'] });
  const tenantId = seeded.tenant.id;
  await startSubscription({ tenantId, planCode: plan, adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  const sub = await prisma.subscription.findFirstOrThrow({ where: { tenantId } });
  // The period the usage lands in: the subscription's first (a trial, or a month from a random day).
  const [start, end] = [sub.currentPeriodStart, sub.currentPeriodEnd];
  const from = Math.max(start.getTime(), now().getTime());
  const span = end.getTime() - from;
  const events: UsageEventInput[] = [];
  const meters = METERS.filter(() => r.next() < 0.8);
  for (let i = r.int(5, 60); i > 0; i--) {
    const meter = r.pick(meters.length ? meters : METERS);
    events.push({
      event_id: `m${seed}-${i}`, resource_type: meter.type, quantity: meter.quantity(r), timestamp: new Date(from + Math.floor(r.next() * (span - 60_000))).toISOString(),
      namespace: r.pick(['web', 'system']), app_id: r.pick([seeded.apps[0]!.id, seeded.apps[1]!.id, null]),
    });
  }
  setClock(new Date(end.getTime() - 30_000));
  const accepted = await ingestAndPrice(seeded, events);
  expect(accepted.length).toBe(events.length);
  setClock(new Date(end.getTime() + 2 * HOUR));
  // Odd seeds close through the job runner; even ones through two concurrent calls (the lock lets one bill, the other finds it done).
  if (seed % 2 === 1) return { seeded, plan, start, end, events, ran: await runDueJobs({ at: now(), tenantIds: [tenantId], jobs }) };
  const both = await Promise.all([0, 1].map(() => invoiceUsagePeriod({ tenantId, subscriptionId: sub.id, periodStart: start }, SYSTEM_ACTOR)));
  expect(both.filter((b) => b.alreadyInvoiced).length).toBe(both[0]!.billingRecordId ? 1 : 0);
  return { seeded, plan, start, end, events, ran: null };
}

afterEach(() => useSystemClock());

const exercised = { invoices: 0, withoutInvoice: 0, gaugeLines: 0, crossed: 0 };

describe('period close: the usage invoice bills (usage − included) × unit price', () => {
  for (const seed of [11, 12, 13, 14, 15, 16]) {
    it(`random usage, plan and period ${seed}`, async () => {
      const { seeded, plan, start, end, events, ran } = await runCase(seed);
      const tenantId = seeded.tenant.id;
      if (ran) expect(ran.filter((j) => j.name === usagePeriodClose.name)).toHaveLength(1);
      const entitlements = await prisma.planEntitlement.findMany({ where: { planCode: plan } });
      const included = new Map(entitlements.map((e) => [e.resourceType, new Decimal(e.includedUnits.toFixed())]));
      const gauge = new Map(entitlements.map((e) => [e.resourceType, e.gaugeBilling]));
      const prices = await prisma.skuPrice.findMany({ where: { currency: 'CNY', sku: { resourceType: { in: METERS.map((m) => m.type) } } }, include: { sku: true } });
      const price = new Map(prices.map((p) => [p.sku.resourceType, new Decimal(p.unitPrice.toFixed())]));
      const usage = usageFromScratch(events, gauge, Math.round((end.getTime() - start.getTime()) / HOUR));

      const expected = [...usage].map(([type, total]) => ({ type, overage: Decimal.max(0, total.minus(included.get(type) ?? 0)) }))
        .filter((e) => e.overage.gt(0)).sort((a, b) => (a.type < b.type ? -1 : 1))
        .map((e) => ({ type: e.type, quantity: e.overage.toFixed(), unitPrice: price.get(e.type)!.toFixed(), amount: e.overage.times(price.get(e.type)!).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) }));
      const records = await prisma.billingRecord.findMany({ where: { tenantId, type: 'usage' }, include: { lineItems: { orderBy: { position: 'asc' } } } });
      const lineSum = await prisma.chargeLine.aggregate({ where: { tenantId }, _sum: { amount: true } });
      const owed = new Decimal(lineSum._sum.amount?.toFixed() ?? '0').toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      if (owed.lte(0)) {
        expect(records).toHaveLength(0);
        expect(expected.every((e) => new Decimal(e.amount).isZero())).toBe(true);
        exercised.withoutInvoice += 1;
      } else {
        expect(records).toHaveLength(1);
        const overage = records[0]!.lineItems.filter((l) => l.description.endsWith(' overage'))
          .map((l) => ({ type: l.resourceType, quantity: l.quantity.toFixed(), unitPrice: l.unitPrice.toFixed(), amount: l.amount.toFixed(2) }));
        expect(overage, `seed ${seed} (${plan})`).toEqual(expected);
        // The invoice bills exactly what the charge lines (seeds 004/002) carry.
        expect(records[0]!.subtotal.toFixed(2)).toBe(owed.toFixed(2));
        exercised.invoices += 1;
        exercised.gaugeLines += overage.filter((o) => o.type === 'active_users' || o.type === 'storage_gb').length;
      }
      exercised.crossed += [...usage].filter(([type, total]) => total.gt(0) && total.lte(included.get(type) ?? 0)).length;

      // Run twice (a doubled sweep, a retried job, a direct call): still one invoice and one set of lines.
      const linesBefore = await prisma.billingLineItem.count({ where: { billingRecord: { tenantId, type: 'usage' } } });
      await runDueJobs({ at: now(), tenantIds: [tenantId], jobs });
      const sub = await prisma.subscription.findFirstOrThrow({ where: { tenantId } });
      await usagePeriodClose.handler({ tenantId, subscriptionId: sub.id, periodStart: start.toISOString() }, { at: now(), enqueue: async () => {} });
      const again = await invoiceUsagePeriod({ tenantId, subscriptionId: sub.id, periodStart: start }, SYSTEM_ACTOR);
      expect(again.lines === 0 || again.alreadyInvoiced || records.length === 0).toBe(true);
      expect(await prisma.billingRecord.count({ where: { tenantId, type: 'usage' } })).toBe(records.length);
      expect(await prisma.billingLineItem.count({ where: { billingRecord: { tenantId, type: 'usage' } } })).toBe(linesBefore);
      const items = await prisma.meteredBillingItem.findMany({ where: { tenantId } });
      expect(items.every((i) => i.status === 'invoiced' && i.billingRecordId === (records[0]?.id ?? null))).toBe(true);
      for (const e of expected) expect(items.find((i) => i.resourceType === e.type)!.overageUnits.toFixed()).toBe(e.quantity);
      // Seed 000's MeteredBillingExportItem reads the settled items: invoiced, overage_amount their exact decimal string.
      const exported = [];
      for await (const row of meteredBilling(tenantId)) exported.push(row);
      expect(exported.map((x) => [x.resource_type, x.status, x.overage_amount])).toEqual(
        items.sort((a, b) => (a.resourceType < b.resourceType ? -1 : 1)).map((i) => [i.resourceType, 'invoiced', i.overageAmount.toFixed()]));
      if (records[0]) {
        expect(await prisma.chargeLine.count({ where: { tenantId, billingRecordId: null } })).toBe(0);
        const bills = await prisma.bill.findMany({ where: { tenantId } });
        const status = (await prisma.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: records[0].id } } })).status;
        expect(bills.every((b) => b.billingRecordId === records[0]!.id && b.state === (status === 'paid' ? 'paid' : 'due'))).toBe(true);
      }
    }, 120_000);
  }

  it('the cases billed overage on counters and gauges, and some stayed within included units', () => {
    expect(exercised.invoices).toBeGreaterThan(0);
    expect(exercised.gaugeLines).toBeGreaterThan(0);
    expect(exercised.crossed + exercised.withoutInvoice).toBeGreaterThan(0);
  });
});
