import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seedUser, uniqueSuffix } from '../../prisma/seed/factories';
import { SYSTEM_ACTOR } from '../audit/actor';
import { definePlan } from '../catalog/define-catalog';
import { editPlan, editPlanInput } from '../catalog/edit-plan';
import { planInput } from '../catalog/schema';
import { now, setClock, useSystemClock } from '../clock';
import { grantCredit } from '../credits/grant-credit';
import { prisma } from '../db';
import { money, roundToMinor, sum } from '../money';
import { createTenant } from '../tenants/create-tenant';
import { createTenantInput } from '../tenants/schema';
import { startSubscription } from '../subscriptions/start-subscription';
import { confirmPlanTransition } from './confirm';
import { quotePlanTransition } from './quote';
import { paidRemaining } from './context';

const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata'];
const tenants: string[] = [];
let adminUserId: string;
const seen = { billed: 0, credited: 0, neither: 0, creditApplied: 0, cycleNow: 0, cycleScheduled: 0 };

beforeAll(async () => {
  adminUserId = (await seedUser(`prop-${uniqueSuffix()}@plans.test`, 'Property admin')).id;
});
afterAll(async () => {
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
  useSystemClock();
});

const priceArb = fc.oneof(fc.constant('0'), fc.integer({ min: 1, max: 999_999 }).map((cents) => (cents / 100).toFixed(2)), fc.integer({ min: 1, max: 10_000_000 }).map((n) => `${n % 1000}.${String(n).padStart(9, '0').slice(-9)}`));
const scenario = fc.record({
  zone: fc.constantFrom(...ZONES),
  currency: fc.constantFrom('CNY', 'USD', 'JPY'),
  taxRate: fc.constantFrom('0', '0.06', '0.13'),
  cycle: fc.constantFrom('monthly' as const, 'yearly' as const),
  prices: fc.array(priceArb, { minLength: 3, maxLength: 3 }),
  /** The yearly option of each monthly plan (a yearly plan has no monthly price, so no cycle switch). */
  yearlyPrices: fc.array(priceArb, { minLength: 3, maxLength: 3 }),
  upgrade: fc.constantFrom('prorate_now' as const, 'at_renewal' as const),
  downgrade: fc.constantFrom('prorate_now_credit' as const, 'at_period_end' as const),
  startDay: fc.integer({ min: 0, max: 360 }),
  startPlan: fc.integer({ min: 0, max: 2 }),
  credit: fc.constantFrom('0', '0', '10', '1000'),
  /** Days to wait, target plan, and the target cycle (null: keep the current one). */
  changes: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom(null, null, 'monthly' as const, 'yearly' as const)), { minLength: 1, maxLength: 4 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
async function definePlans(s: Scenario) {
  const base = `pt-${uniqueSuffix()}`;
  const codes = [0, 1, 2].map((i) => `${base}-${i}`);
  for (const [i, code] of codes.entries()) {
    await definePlan(planInput.parse({
      code, name: `P${i}`, nameZh: `套餐${i}`, planType: 'team', tenantType: 'freemium', rank: 1000 + i * 10, billingCycle: s.cycle,
      prices: { [s.currency]: s.prices[i] }, entitlements: [], upgradeProration: s.upgrade, downgradeProration: s.downgrade,
    }), SYSTEM_ACTOR);
    if (s.cycle === 'monthly') await editPlan(editPlanInput.parse({ code, prices: { [s.currency]: { monthly: s.prices[i], yearly: s.yearlyPrices[i] } } }), SYSTEM_ACTOR);
  }
  return codes;
}

describe('plan transitions against the database (property)', () => {
  it('quote total == billed amount == ledger movement to the minor unit; a period never credits more than was paid', async () => {
    await fc.assert(fc.asyncProperty(scenario, async (s) => {
      const codes = await definePlans(s);
      setClock(new Date(Date.UTC(2026, 0, 1) + s.startDay * 86_400_000 + 7 * 3_600_000));
      const tenant = await createTenant(createTenantInput.parse({
        id: `tnt_p${uniqueSuffix()}`, name: 'Prop', currency: s.currency, locale: s.currency === 'CNY' ? 'zh-CN' : 'en', billingTimezone: s.zone, taxRate: s.taxRate,
      }), SYSTEM_ACTOR);
      tenants.push(tenant.id);
      if (s.credit !== '0') await grantCredit({ tenantId: tenant.id, amount: s.credit, source: 'promotion', remark: 'prop' }, SYSTEM_ACTOR);
      const sub = await startSubscription({ tenantId: tenant.id, planCode: codes[s.startPlan]!, adminUserId }, SYSTEM_ACTOR);
      let day = 0;
      let cycleChanged = false;
      for (const [advance, target, wanted] of s.changes) {
        day += advance;
        const live = await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id: sub.id } } });
        const at = new Date(live.currentPeriodStart.getTime() + day * 86_400_000 + 13 * 3_600_000);
        if (at >= live.currentPeriodEnd) break;
        setClock(at);
        const billingCycle = s.cycle === 'monthly' ? wanted ?? undefined : undefined;
        if (codes[target] === live.planCode && (billingCycle ?? live.billingCycle) === live.billingCycle) continue;
        const pending = await prisma.planTransition.count({ where: { tenantId: tenant.id, state: 'creating' } });
        if (pending > 0) break; // a downgrade is scheduled for the period's end
        const ledgerBefore = await prisma.creditTransaction.findMany({ where: { tenantId: tenant.id }, select: { id: true } });
        const paidBefore = await paidRemaining(prisma as never, tenant.id, sub.id, live.currentPeriodEnd);
        const quote = await quotePlanTransition({ tenantId: tenant.id, toPlanCode: codes[target]!, billingCycle }, SYSTEM_ACTOR);
        // The unused line never gives back more than is left of what was paid for the period.
        const left = paidBefore.amount.plus(paidBefore.tax);
        expect(money(quote.unused.total).lte(left.lt(0) ? 0 : left)).toBe(true);
        const result = await confirmPlanTransition({ tenantId: tenant.id, transitionId: quote.id }, SYSTEM_ACTOR);
        const again = await confirmPlanTransition({ tenantId: tenant.id, transitionId: quote.id }, SYSTEM_ACTOR);
        expect(again).toEqual(result);
        const moved = await prisma.creditTransaction.findMany({ where: { tenantId: tenant.id, id: { notIn: ledgerBefore.map((r) => r.id) } } });
        const net = money(quote.net);
        if (net.gt(0)) {
          seen.billed += 1;
          if (money(quote.creditApplied).gt(0)) seen.creditApplied += 1;
          const record = await prisma.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id: result.billingRecordId! } } });
          expect(record.type).toBe('proration');
          expect(money(record.amount).eq(net)).toBe(true);
          expect(money(record.creditAppliedAmount).toFixed()).toBe(money(quote.creditApplied).toFixed());
          expect(money(record.amount).minus(money(record.creditAppliedAmount)).eq(money(quote.amountDue))).toBe(true);
          expect(sum(moved.filter((m) => m.type === 'debit').map((m) => m.amount)).eq(money(quote.creditApplied))).toBe(true);
          expect(moved.filter((m) => m.type === 'credit')).toHaveLength(0);
        } else if (net.lt(0)) {
          seen.credited += 1;
          expect(result.billingRecordId).toBeNull();
          expect(moved).toHaveLength(1);
          expect(moved[0]).toMatchObject({ id: result.creditTransactionId, type: 'credit', source: 'proration', sourceId: sub.id, remark: s.currency === 'CNY' ? '套餐降级按比例信用' : 'Prorated credit for plan downgrade' });
          expect(money(moved[0]!.amount).eq(money(quote.creditToLedger))).toBe(true);
        } else {
          seen.neither += 1;
          expect(moved).toHaveLength(0);
          expect(result.billingRecordId).toBeNull();
        }
        const after = await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id: sub.id } } });
        expect(after.planCode).toBe(quote.mode === 'at_period_end' ? live.planCode : codes[target]);
        if (quote.toBillingCycle !== live.billingCycle) {
          cycleChanged = true;
          if (quote.mode === 'at_period_end') {
            seen.cycleScheduled += 1;
            expect(after.billingCycle).toBe(live.billingCycle);
          } else {
            // Applied now: the new cycle's full price is charged for a new period that starts on the effective day.
            seen.cycleNow += 1;
            expect(money(quote.charge.amount).eq(roundToMinor(quote.toPlan.price, s.currency))).toBe(true);
            expect(after).toMatchObject({ billingCycle: quote.toBillingCycle, currentPeriodStart: new Date(quote.effectiveAt), billingAnchorAt: new Date(quote.effectiveAt) });
            expect(after.currentPeriodEnd.toISOString()).toBe(quote.newPeriodEnd);
          }
        }
      }
      // Over the period (over the subscription once a change of cycle moved it): what proration credits gave back never exceeds what was billed.
      const period = await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id: sub.id } } });
      const billed = await prisma.billingRecord.findMany({ where: { tenantId: tenant.id, subscriptionId: sub.id, ...(cycleChanged ? {} : { periodEnd: period.currentPeriodEnd }) } });
      const credited = await prisma.creditTransaction.findMany({ where: { tenantId: tenant.id, source: 'proration' } });
      expect(sum(credited.map((c) => c.amount)).lte(sum(billed.map((b) => b.amount)))).toBe(true);
    }), {
      numRuns: Number(process.env.PROPERTY_RUNS ?? 40),
      // Random runs usually reach every kind of movement, but not always: this one does, every time
      // (an upgrade paid partly from credit, a downgrade credited now, a switch to yearly applied now).
      examples: [[{
        zone: 'Asia/Shanghai', currency: 'CNY', taxRate: '0.06', cycle: 'monthly', prices: ['10.00', '50.00', '100.00'], yearlyPrices: ['100.00', '500.00', '1000.00'],
        upgrade: 'prorate_now', downgrade: 'prorate_now_credit', startDay: 10, startPlan: 0, credit: '1000', changes: [[3, 2, null], [2, 0, null], [2, 1, 'yearly']],
      }]],
    });
    // The runs reached every kind of movement (a property that never billed would prove nothing).
    expect(seen.billed).toBeGreaterThan(0);
    expect(seen.credited).toBeGreaterThan(0);
    expect(seen.creditApplied).toBeGreaterThan(0);
    expect(seen.cycleNow).toBeGreaterThan(0);
    console.info('plan transition property runs:', seen);
  }, 240_000);
});
