import { afterEach, describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { SYSTEM_ACTOR } from '../audit/actor';
import { now, setClock, useSystemClock } from '../clock';
import { prisma, type Tx } from '../db';
import { renewSubscription } from '../subscriptions/renew-subscriptions';
import { startSubscription } from '../subscriptions/start-subscription';
import { runDueJobs } from './run-due';
import { subscriptionPeriodEnd } from './subscription-jobs';

/** 2031: far from every other test file's clock, so their global renewal runs never see these subscriptions. */
const T0 = new Date('2031-03-15T10:00:00Z');
const HOUR = 3_600_000;
const tenants: string[] = [];

afterEach(async () => {
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
  useSystemClock();
});

async function subscribed(planCode = 'starter'): Promise<{ seeded: SeededTenant; id: string; periodEnd: Date }> {
  setClock(T0);
  const seeded = await seedTestTenant('CNY');
  tenants.push(seeded.tenant.id);
  const sub = await startSubscription({ tenantId: seeded.tenant.id, planCode, adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  return { seeded, id: sub.id, periodEnd: sub.currentPeriodEnd };
}

const renewalRecords = (tenantId: string, periodStart: Date) =>
  prisma.billingRecord.count({ where: { tenantId, type: 'subscription', periodStart } });

/** A transaction client whose invoice insert throws: a crash after the subscription row was already written. */
function crashingOnInvoice(tx: Tx): Tx {
  const crash = new Error('crash half-way');
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property === 'billingRecord') return { ...target.billingRecord, create: () => Promise.reject(crash) };
      return Reflect.get(target, property, receiver);
    },
  });
}

describe('renewal job idempotency', () => {
  it('the period-end job run twice (in sequence and in parallel) for one period bills once', async () => {
    const { seeded, id, periodEnd } = await subscribed();
    setClock(new Date(periodEnd.getTime() + HOUR));
    const data = subscriptionPeriodEnd.payload.parse({ tenantId: seeded.tenant.id, subscriptionId: id, periodEnd: periodEnd.toISOString() });
    const context = { at: now(), enqueue: async () => {} };
    const results = await Promise.all([subscriptionPeriodEnd.handler(data, context), subscriptionPeriodEnd.handler(data, context)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await subscriptionPeriodEnd.handler(data, context)).toBe(false);
    expect(await renewalRecords(seeded.tenant.id, periodEnd)).toBe(1);
    expect(await prisma.auditLog.count({ where: { tenantId: seeded.tenant.id, action: 'subscription.renew', targetId: id } })).toBe(1);
    // Its key names the subject and the period, so the queue refuses a second copy while one waits.
    expect(subscriptionPeriodEnd.key(data)).toBe(`renewal:${seeded.tenant.id}:${id}:${periodEnd.toISOString()}`);
  });

  it('a run killed half-way leaves nothing, and the re-run bills exactly once', async () => {
    const { seeded, id, periodEnd } = await subscribed();
    setClock(new Date(periodEnd.getTime() + HOUR));
    const input = { tenantId: seeded.tenant.id, subscriptionId: id, periodEnd };
    await expect(prisma.$transaction((tx) => renewSubscription(input, SYSTEM_ACTOR, crashingOnInvoice(tx)))).rejects.toThrow('crash half-way');
    const afterCrash = await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId: seeded.tenant.id, id } } });
    expect(afterCrash.currentPeriodEnd).toEqual(periodEnd); // the period roll was written, then rolled back
    expect(await renewalRecords(seeded.tenant.id, periodEnd)).toBe(0);

    expect(await renewSubscription(input, SYSTEM_ACTOR)).toBe(true);
    expect(await renewSubscription(input, SYSTEM_ACTOR)).toBe(false);
    expect(await renewalRecords(seeded.tenant.id, periodEnd)).toBe(1);
    const renewed = await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId: seeded.tenant.id, id } } });
    expect(renewed.currentPeriodStart).toEqual(periodEnd);
  });

  it('a job for a period already past does nothing', async () => {
    const { seeded, id, periodEnd } = await subscribed();
    setClock(new Date(periodEnd.getTime() + HOUR));
    await runDueJobs({ tenantIds: [seeded.tenant.id] });
    const stale = { tenantId: seeded.tenant.id, subscriptionId: id, periodEnd };
    setClock(new Date(periodEnd.getTime() + 40 * 24 * HOUR));
    expect(await renewSubscription(stale, SYSTEM_ACTOR)).toBe(false);
  });

  it('runDueJobs twice at the same time runs nothing the second time', async () => {
    const { seeded, periodEnd } = await subscribed();
    setClock(new Date(periodEnd.getTime() + HOUR));
    const first = await runDueJobs({ tenantIds: [seeded.tenant.id] });
    expect(first.map((j) => j.name)).toContain('subscription-period-end');
    const second = await runDueJobs({ tenantIds: [seeded.tenant.id] });
    // The grace review may look again (the renewal is unpaid), but nothing renews twice.
    expect(second.filter((j) => j.name === 'subscription-period-end')).toEqual([]);
    expect(await prisma.billingRecord.count({ where: { tenantId: seeded.tenant.id } })).toBe(2);
  });
});
