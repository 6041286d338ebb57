import { afterEach, describe, expect, it } from 'vitest';
import { seedUser, uniqueSuffix } from '../../prisma/seed/factories';
import { SYSTEM_ACTOR } from '../audit/actor';
import { definePlan } from '../catalog/define-catalog';
import { editPlan, editPlanInput } from '../catalog/edit-plan';
import { planInput } from '../catalog/schema';
import { now, setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { renewSubscription } from '../subscriptions/renew-subscriptions';
import { startSubscription } from '../subscriptions/start-subscription';
import { createTenant } from '../tenants/create-tenant';
import { createTenantInput } from '../tenants/schema';
import { confirmPlanTransition } from './confirm';
import { quotePlanTransition } from './quote';
import { cancelScheduledTransition } from './schedule';

const tenants: string[] = [];
afterEach(async () => {
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
  useSystemClock();
});

/** A monthly plan at 100 CNY (1000 CNY yearly) with the given downgrade setting, a Shanghai tenant at 6 % on it since 2026-06-10. */
async function monthlySubscriber(downgradeProration: 'at_period_end' | 'prorate_now_credit') {
  const code = `cyc-${uniqueSuffix()}`;
  await definePlan(planInput.parse({ code, name: 'Cycle', nameZh: '周期', planType: 'team', tenantType: 'freemium', rank: 500, prices: { CNY: '100' }, entitlements: [], downgradeProration }), SYSTEM_ACTOR);
  await editPlan(editPlanInput.parse({ code, prices: { CNY: { monthly: '100', yearly: '1000' } } }), SYSTEM_ACTOR);
  setClock(new Date('2026-06-10T02:00:00Z'));
  const admin = await seedUser(`cyc-${uniqueSuffix()}@plans.test`, 'Cycle admin');
  const tenant = await createTenant(createTenantInput.parse({ id: `tnt_c${uniqueSuffix()}`, name: 'Cycle', currency: 'CNY', locale: 'en', billingTimezone: 'Asia/Shanghai', taxRate: '0.06' }), SYSTEM_ACTOR);
  tenants.push(tenant.id);
  const sub = await startSubscription({ tenantId: tenant.id, planCode: code, adminUserId: admin.id }, SYSTEM_ACTOR);
  return { code, tenantId: tenant.id, sub };
}
const live = (tenantId: string, id: string) => prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } } });

describe('changing the billing cycle with a plan change', () => {
  it('monthly → yearly on the same plan applies now: one invoice with the credit line, a full year from today, the anchor moves; the renewal bills the year again', async () => {
    const { code, tenantId, sub } = await monthlySubscriber('at_period_end');
    // 2026-06-25 10:00 in Shanghai: r = 15 of N = 30 days (June 10 → July 10).
    setClock(new Date('2026-06-25T02:00:00Z'));
    await expect(quotePlanTransition({ tenantId, toPlanCode: code }, SYSTEM_ACTOR)).rejects.toMatchObject({ reason: 'SAME_PLAN' });
    const quote = await quotePlanTransition({ tenantId, toPlanCode: code, billingCycle: 'yearly' }, SYSTEM_ACTOR);
    expect(quote).toMatchObject({
      direction: 'upgrade', mode: 'prorate_now', fromBillingCycle: 'monthly', toBillingCycle: 'yearly', periodDays: 30, remainingDays: 15,
      effectiveAt: '2026-06-24T16:00:00.000Z', effectiveDate: '2026-06-25', newPeriodEnd: '2027-06-24T16:00:00.000Z',
      unused: { amount: '50', tax: '3', total: '53' }, charge: { amount: '1000', tax: '60', total: '1060' }, net: '1007', amountDue: '1007',
    });
    const result = await confirmPlanTransition({ tenantId, transitionId: quote.id }, SYSTEM_ACTOR);
    expect(result.state).toBe('finished');
    expect(await confirmPlanTransition({ tenantId, transitionId: quote.id }, SYSTEM_ACTOR)).toEqual(result);
    const records = await prisma.billingRecord.findMany({ where: { tenantId, type: 'proration' }, include: { lineItems: { orderBy: { position: 'asc' } } } });
    expect(records).toHaveLength(1);
    expect(records[0]!.id).toBe(result.billingRecordId);
    expect(records[0]!.amount.toFixed(2)).toBe('1007.00');
    expect(records[0]!.periodEnd?.toISOString()).toBe('2027-06-24T16:00:00.000Z');
    expect(records[0]!.lineItems.map((l) => [l.amount.toFixed(2), l.taxAmount.toFixed(2), l.periodEnd?.toISOString()])).toEqual([
      ['1000.00', '60.00', '2027-06-24T16:00:00.000Z'], ['-50.00', '-3.00', sub.currentPeriodEnd.toISOString()],
    ]);
    const moved = await live(tenantId, sub.id);
    expect(moved).toMatchObject({ planCode: code, billingCycle: 'yearly', currentPeriodStart: new Date('2026-06-24T16:00:00Z'), currentPeriodEnd: new Date('2027-06-24T16:00:00Z'), billingAnchorAt: new Date('2026-06-24T16:00:00Z') });
    expect(moved.amount.toFixed(2)).toBe('1000.00');
    const audits = await prisma.auditLog.findMany({ where: { tenantId, targetId: { in: [quote.id, sub.id] } }, select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['plan_transition.quote', 'plan_transition.confirm', 'plan_transition.apply', 'subscription.change_plan']));
    // The renewal reads the moved anchor and the yearly price.
    setClock(new Date('2027-06-24T17:00:00Z'));
    await renewSubscription({ tenantId, subscriptionId: sub.id }); // this one only: other files' subscriptions are not this test's
    const renewed = await live(tenantId, sub.id);
    expect([renewed.currentPeriodStart.toISOString(), renewed.currentPeriodEnd.toISOString()]).toEqual(['2027-06-24T16:00:00.000Z', '2028-06-24T16:00:00.000Z']);
    const yearly = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId, type: 'subscription', periodEnd: renewed.currentPeriodEnd } });
    expect(yearly.subtotal.toFixed(2)).toBe('1000.00');
  });

  it('yearly → monthly waits for the period end (scheduled, cancellable, blocks another change); the renewal starts the monthly cycle', async () => {
    const { code, tenantId, sub } = await monthlySubscriber('at_period_end');
    setClock(new Date('2026-06-25T02:00:00Z'));
    await confirmPlanTransition({ tenantId, transitionId: (await quotePlanTransition({ tenantId, toPlanCode: code, billingCycle: 'yearly' }, SYSTEM_ACTOR)).id }, SYSTEM_ACTOR);
    setClock(new Date('2026-09-01T02:00:00Z'));
    const first = await quotePlanTransition({ tenantId, toPlanCode: code, billingCycle: 'monthly' }, SYSTEM_ACTOR);
    expect(first).toMatchObject({ direction: 'downgrade', mode: 'at_period_end', net: '0', newPeriodEnd: null, effectiveAt: '2027-06-24T16:00:00.000Z', toBillingCycle: 'monthly' });
    expect((await confirmPlanTransition({ tenantId, transitionId: first.id }, SYSTEM_ACTOR)).state).toBe('creating');
    await expect(quotePlanTransition({ tenantId, toPlanCode: code, billingCycle: 'monthly' }, SYSTEM_ACTOR)).rejects.toMatchObject({ reason: 'TRANSITION_PENDING' });
    expect(await cancelScheduledTransition({ tenantId, transitionId: first.id }, SYSTEM_ACTOR)).toEqual({ id: first.id, state: 'canceled' });
    const again = await quotePlanTransition({ tenantId, toPlanCode: code, billingCycle: 'monthly' }, SYSTEM_ACTOR);
    await confirmPlanTransition({ tenantId, transitionId: again.id }, SYSTEM_ACTOR);
    expect((await live(tenantId, sub.id)).billingCycle).toBe('yearly');
    setClock(new Date('2027-06-24T17:00:00Z'));
    await renewSubscription({ tenantId, subscriptionId: sub.id }); // this one only: other files' subscriptions are not this test's
    const renewed = await live(tenantId, sub.id);
    expect(renewed).toMatchObject({ billingCycle: 'monthly', currentPeriodStart: new Date('2027-06-24T16:00:00Z'), currentPeriodEnd: new Date('2027-07-24T16:00:00Z') });
    expect(renewed.amount.toFixed(2)).toBe('100.00');
    const monthly = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId, type: 'subscription', periodEnd: renewed.currentPeriodEnd } });
    expect(monthly.subtotal.toFixed(2)).toBe('100.00');
    expect((await prisma.planTransition.findFirstOrThrow({ where: { tenantId, id: again.id } })).state).toBe('finished');
  });

  it('yearly → monthly with "now with a credit": the unused year (never more than was paid) less a full month goes to the credit ledger', async () => {
    const { code, tenantId, sub } = await monthlySubscriber('prorate_now_credit');
    setClock(new Date('2026-06-25T02:00:00Z'));
    await confirmPlanTransition({ tenantId, transitionId: (await quotePlanTransition({ tenantId, toPlanCode: code, billingCycle: 'yearly' }, SYSTEM_ACTOR)).id }, SYSTEM_ACTOR);
    // 2026-12-24 10:00 Shanghai: r = 183 of N = 365; unused 1000 × 183 / 365 = 501.37 (+30.08); a month 100 (+6).
    setClock(new Date('2026-12-24T02:00:00Z'));
    const quote = await quotePlanTransition({ tenantId, toPlanCode: code, billingCycle: 'monthly' }, SYSTEM_ACTOR);
    expect(quote).toMatchObject({
      mode: 'prorate_now_credit', periodDays: 365, remainingDays: 183, newPeriodEnd: '2027-01-23T16:00:00.000Z',
      unused: { amount: '501.37', tax: '30.08' }, charge: { amount: '100', tax: '6' }, net: '-425.45', creditToLedger: '425.45', amountDue: '0',
    });
    const result = await confirmPlanTransition({ tenantId, transitionId: quote.id }, SYSTEM_ACTOR);
    const entry = await prisma.creditTransaction.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: result.creditTransactionId! } } });
    expect(entry).toMatchObject({ type: 'credit', source: 'proration' });
    expect(entry.amount.toFixed(2)).toBe('425.45');
    expect(await live(tenantId, sub.id)).toMatchObject({ billingCycle: 'monthly', currentPeriodStart: new Date('2026-12-23T16:00:00Z'), currentPeriodEnd: new Date('2027-01-23T16:00:00Z') });
    // The month was paid from the unused year: an immediate switch back credits it, and no more than it.
    const back = await quotePlanTransition({ tenantId, toPlanCode: code, billingCycle: 'yearly' }, SYSTEM_ACTOR);
    expect(back).toMatchObject({ remainingDays: 31, periodDays: 31, unused: { amount: '100', tax: '6' }, charge: { amount: '1000', tax: '60' } });
  });
});
