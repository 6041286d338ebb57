import { afterEach, describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { SYSTEM_ACTOR } from '../audit/actor';
import { now, setClock, useSystemClock } from '../clock';
import { grantCredit } from '../credits/grant-credit';
import { prisma } from '../db';
import { runDueJobs } from '../jobs/run-due';
import { getCurrentSubscription } from './current-subscription';
import { startSubscription } from './start-subscription';
import { cancelSubscription, resumeSubscription, setAutoRenew } from './subscription-settings';

/** 2033: no other test file's clock reaches these subscriptions. */
const T0 = new Date('2033-03-15T10:00:00Z');
const DAY = 86_400_000;
const tenants: string[] = [];

afterEach(async () => {
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
  useSystemClock();
});

async function subscribed(planCode: string, credit?: string): Promise<{ seeded: SeededTenant; id: string }> {
  setClock(T0);
  const seeded = await seedTestTenant('CNY');
  tenants.push(seeded.tenant.id);
  if (credit) await grantCredit({ tenantId: seeded.tenant.id, amount: credit, source: 'promotion', remark: 'test' }, SYSTEM_ACTOR);
  const sub = await startSubscription({ tenantId: seeded.tenant.id, planCode, adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  return { seeded, id: sub.id };
}

/** Moves the clock to `at` and runs what the workers would. */
async function at(instant: Date, seeded: SeededTenant) {
  setClock(instant);
  return runDueJobs({ tenantIds: [seeded.tenant.id] });
}

const state = async (seeded: SeededTenant, id: string) => prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId: seeded.tenant.id, id } } });
const audits = (seeded: SeededTenant, action: string) => prisma.auditLog.count({ where: { tenantId: seeded.tenant.id, action } });

describe('subscription lifecycle through the jobs', () => {
  it('trialing → active at the trial end, the first paid period billed and paid from credit', async () => {
    const { seeded, id } = await subscribed('pro', '600');
    expect((await state(seeded, id)).status).toBe('trialing');
    const trialEnd = (await state(seeded, id)).currentPeriodEnd;
    await at(new Date(trialEnd.getTime() - 1), seeded);
    expect((await state(seeded, id)).status).toBe('trialing');
    const ran = await at(new Date(trialEnd.getTime() + 1), seeded);
    expect(ran.map((j) => j.name)).toEqual(['subscription-period-end']);
    const sub = await state(seeded, id);
    expect(sub.status).toBe('active');
    expect(sub.currentPeriodStart).toEqual(trialEnd);
    const records = await prisma.billingRecord.findMany({ where: { tenantId: seeded.tenant.id } });
    expect(records.map((r) => [r.status, r.amount.toString()])).toEqual([['paid', '528.94']]);
  });

  it('an unpaid renewal → past_due; grace_period_days later → suspended; the period end → expired', async () => {
    const { seeded, id } = await subscribed('starter', '104.94'); // pays the first month only
    const firstEnd = (await state(seeded, id)).currentPeriodEnd;
    await at(new Date(firstEnd.getTime() + 1_000), seeded);
    const pastDue = await state(seeded, id);
    expect(pastDue.status).toBe('past_due');
    const current = await getCurrentSubscription(seeded.tenant.id);
    const graceEnd = current.subscription!.graceEndsAt!;
    expect(graceEnd.getTime() - firstEnd.getTime()).toBe(pastDue.gracePeriodDays * DAY); // local days; Shanghai has no DST
    await at(new Date(graceEnd.getTime() - 1_000), seeded);
    expect((await state(seeded, id)).status).toBe('past_due');
    await at(new Date(graceEnd.getTime() + 1_000), seeded);
    expect((await state(seeded, id)).status).toBe('suspended');
    expect(await audits(seeded, 'subscription.suspend')).toBe(1);
    await at(new Date(graceEnd.getTime() + 2 * DAY), seeded); // a re-run suspends nothing twice
    expect(await audits(seeded, 'subscription.suspend')).toBe(1);
    const periodEnd = pastDue.currentPeriodEnd;
    await at(new Date(periodEnd.getTime() + 1_000), seeded);
    const ended = await state(seeded, id);
    expect([ended.status, ended.endedAt]).toEqual(['expired', periodEnd]);
    expect(await prisma.billingRecord.count({ where: { tenantId: seeded.tenant.id } })).toBe(2); // nothing billed after suspension
  });

  it('a suspended subscription is reinstated once credit settles its invoice', async () => {
    const { seeded, id } = await subscribed('starter', '104.94');
    const firstEnd = (await state(seeded, id)).currentPeriodEnd;
    await at(new Date(firstEnd.getTime() + 10 * DAY), seeded);
    expect((await state(seeded, id)).status).toBe('suspended');
    await grantCredit({ tenantId: seeded.tenant.id, amount: '200', source: 'promotion', remark: 'top-up' }, SYSTEM_ACTOR);
    await at(new Date(firstEnd.getTime() + 10 * DAY + 60_000), seeded);
    expect((await state(seeded, id)).status).toBe('active');
    expect(await prisma.billingRecord.count({ where: { tenantId: seeded.tenant.id, status: 'open' } })).toBe(0);
    expect(await audits(seeded, 'subscription.reinstate')).toBe(1);
  });

  it('cancel at period end ends it as canceled at the period end, billing nothing more', async () => {
    const { seeded, id } = await subscribed('starter', '500');
    await cancelSubscription({ tenantId: seeded.tenant.id }, seeded.ownerActor);
    await cancelSubscription({ tenantId: seeded.tenant.id }, seeded.ownerActor); // idempotent
    expect(await audits(seeded, 'subscription.cancel')).toBe(1);
    const end = (await state(seeded, id)).currentPeriodEnd;
    await at(new Date(end.getTime() + 1_000), seeded);
    const ended = await state(seeded, id);
    expect([ended.status, ended.endedAt, ended.cancelAtPeriodEnd]).toEqual(['canceled', end, true]);
    expect(await prisma.billingRecord.count({ where: { tenantId: seeded.tenant.id } })).toBe(1);
    await expect(resumeSubscription({ tenantId: seeded.tenant.id }, seeded.ownerActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('resume before the period end keeps it renewing; after the end it is refused', async () => {
    const { seeded, id } = await subscribed('starter', '500');
    await cancelSubscription({ tenantId: seeded.tenant.id }, seeded.ownerActor);
    const resumed = await resumeSubscription({ tenantId: seeded.tenant.id }, seeded.ownerActor);
    expect([resumed.cancelAtPeriodEnd, resumed.canceledAt]).toEqual([false, null]);
    const end = (await state(seeded, id)).currentPeriodEnd;
    await at(new Date(end.getTime() + 1_000), seeded);
    expect((await state(seeded, id)).status).toBe('active');
    expect(await prisma.billingRecord.count({ where: { tenantId: seeded.tenant.id } })).toBe(2);
    // Past the new period's end, before the job: the cancellation cannot be withdrawn any more.
    await cancelSubscription({ tenantId: seeded.tenant.id }, seeded.ownerActor);
    setClock(new Date((await state(seeded, id)).currentPeriodEnd.getTime() + 1_000));
    await expect(resumeSubscription({ tenantId: seeded.tenant.id }, seeded.ownerActor)).rejects.toMatchObject({ code: 'CONFLICT', reason: 'SUBSCRIPTION_PERIOD_ENDED' });
  });

  it('auto_renew off → expired at the period end; on again renews', async () => {
    const { seeded, id } = await subscribed('starter', '500');
    await setAutoRenew({ tenantId: seeded.tenant.id, autoRenew: false }, seeded.ownerActor);
    expect((await getCurrentSubscription(seeded.tenant.id)).subscription!.autoRenew).toBe(false);
    const end = (await state(seeded, id)).currentPeriodEnd;
    await at(new Date(end.getTime() + 1_000), seeded);
    expect((await state(seeded, id)).status).toBe('expired');

    const other = await subscribed('starter', '500');
    await setAutoRenew({ tenantId: other.seeded.tenant.id, autoRenew: false }, other.seeded.ownerActor);
    await setAutoRenew({ tenantId: other.seeded.tenant.id, autoRenew: true }, other.seeded.ownerActor);
    await at(new Date(end.getTime() + 1_000), other.seeded);
    expect((await state(other.seeded, other.id)).status).toBe('active');
    expect(await audits(other.seeded, 'subscription.set_auto_renew')).toBe(2);
  });

  it('a worker down for three months catches up period by period, each billed once', async () => {
    const { seeded, id } = await subscribed('starter', '1000');
    const end = (await state(seeded, id)).currentPeriodEnd;
    const ran = await at(new Date(end.getTime() + 70 * DAY), seeded);
    expect(ran.filter((j) => j.name === 'subscription-period-end')).toHaveLength(3);
    expect(await prisma.billingRecord.count({ where: { tenantId: seeded.tenant.id } })).toBe(4);
    expect((await state(seeded, id)).status).toBe('active');
  });
});
