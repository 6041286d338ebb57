import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedTestTenant } from '../../prisma/seed/factories';
import { now, setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { startSubscription } from '../subscriptions/start-subscription';
import { enqueueJob } from './queue';
import { DEFAULT_RETRY, defineJob, type JobDefinition } from './registry';
import { subscriptionPastDue, subscriptionPeriodEnd } from './subscription-jobs';
import { startWorker, type Worker } from './worker';

const workers: Worker[] = [];
const tenants: string[] = [];

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('pg-boss workers', () => {
  it('two workers on one queue handle each of N jobs exactly once', async () => {
    const handled: { worker: string; n: number }[] = [];
    const name = `test-exactly-once-${randomBytes(4).toString('hex')}`;
    const define = (worker: string): JobDefinition<unknown> => defineJob({
      name, payload: z.strictObject({ n: z.number().int() }), key: (data) => `n:${data.n}`,
      handler: async (data) => {
        handled.push({ worker, n: data.n });
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      retry: DEFAULT_RETRY, expireInSeconds: 60,
    }) as JobDefinition<unknown>;
    const a = await startWorker({ jobs: [define('a')], pollingIntervalSeconds: 0.5, localConcurrency: 3, instanceName: 'test-a' });
    workers.push(a);
    const b = await startWorker({ jobs: [define('b')], pollingIntervalSeconds: 0.5, localConcurrency: 3, instanceName: 'test-b' });
    workers.push(b);
    const N = 60;
    const job = define('sender');
    for (let n = 0; n < N; n += 1) await enqueueJob(a.boss, job, { n });
    await until(() => handled.length >= N);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // a second delivery would show up here
    expect(handled).toHaveLength(N);
    expect(new Set(handled.map((h) => h.n)).size).toBe(N);
    const queue = await a.boss.getQueue(name);
    expect(queue?.policy).toBe('exclusive');
  });

  it('a singleton key is queued once while a job with it waits', async () => {
    const name = `test-singleton-${randomBytes(4).toString('hex')}`;
    const job = defineJob({ name, payload: z.strictObject({ s: z.string() }), key: (data) => `s:${data.s}`, handler: async () => {}, retry: DEFAULT_RETRY, expireInSeconds: 60 }) as JobDefinition<unknown>;
    // A worker that registers the queue but never works it: jobs stay queued.
    const idle = await startWorker({ jobs: [], instanceName: 'test-idle' });
    workers.push(idle);
    const { ensureQueues } = await import('./queue');
    await ensureQueues(idle.boss, [job]);
    expect(await enqueueJob(idle.boss, job, { s: 'x' })).toEqual(expect.any(String));
    expect(await enqueueJob(idle.boss, job, { s: 'x' })).toBeNull();
    expect(await enqueueJob(idle.boss, job, { s: 'y' })).toEqual(expect.any(String));
  });

  it('the period-end job sent twice through the queue renews the subscription once', async () => {
    setClock(new Date('2031-06-15T10:00:00Z'));
    const seeded = await seedTestTenant('USD');
    tenants.push(seeded.tenant.id);
    const sub = await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
    // The worker reads the same injectable clock as the domain: just past the period end.
    setClock(new Date(sub.currentPeriodEnd.getTime() + 60_000));
    const worker = await startWorker({ jobs: [subscriptionPeriodEnd, subscriptionPastDue] as JobDefinition<unknown>[], schedule: false, pollingIntervalSeconds: 0.5, instanceName: 'test-renewal' });
    workers.push(worker);
    const data = { tenantId: seeded.tenant.id, subscriptionId: sub.id, periodEnd: sub.currentPeriodEnd.toISOString() };
    await Promise.all([enqueueJob(worker.boss, subscriptionPeriodEnd, data), enqueueJob(worker.boss, subscriptionPeriodEnd, data)]);
    await until(async () => (await prisma.billingRecord.count({ where: { tenantId: seeded.tenant.id } })) >= 2);
    await enqueueJob(worker.boss, subscriptionPeriodEnd, data); // after completion: the handler's re-check refuses it
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await prisma.billingRecord.count({ where: { tenantId: seeded.tenant.id, periodStart: sub.currentPeriodEnd } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { tenantId: seeded.tenant.id, action: 'subscription.renew' } })).toBe(1);
    useSystemClock();
  });
});
