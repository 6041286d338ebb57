import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { callerFor } from '../../test/harness';
import { now } from '../clock';
import { prisma } from '../db';
import { startSubscription } from './start-subscription';

let A: SeededTenant;
let B: SeededTenant;

beforeAll(async () => {
  [A, B] = [await seedTestTenant('CNY'), await seedTestTenant('USD')];
  for (const t of [A, B]) await startSubscription({ tenantId: t.tenant.id, planCode: 'starter', adminUserId: t.users.owner.id }, t.ownerActor);
});

afterAll(async () => {
  await prisma.subscription.updateMany({ where: { tenantId: { in: [A.tenant.id, B.tenant.id] }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
});

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`);

describe('subscriptions router input', () => {
  it('refuses malformed input with BAD_REQUEST and changes nothing (no tenant id smuggled in the body)', async () => {
    const owner = await callerFor(A.users.owner.id, A.tenant.id);
    const audits = await prisma.auditLog.count({ where: { tenantId: { in: [A.tenant.id, B.tenant.id] } } });
    const bad: [string, () => Promise<unknown>][] = [
      ['autoRenew string', () => owner.subscriptions.setAutoRenew({ autoRenew: 'no' } as never)],
      ['autoRenew missing', () => owner.subscriptions.setAutoRenew({} as never)],
      ['autoRenew + tenantId', () => owner.subscriptions.setAutoRenew({ autoRenew: false, tenantId: B.tenant.id } as never)],
      ['cancel + tenantId', () => owner.subscriptions.cancel({ tenantId: B.tenant.id } as never)],
      ['resume + extra', () => owner.subscriptions.resume({ now: true } as never)],
      ['current + extra', () => owner.subscriptions.current({ tenantId: B.tenant.id } as never)],
    ];
    for (const [label, call] of bad) expect(codeOf(await call().catch((e: unknown) => e)), label).toBe('BAD_REQUEST');
    expect(await prisma.auditLog.count({ where: { tenantId: { in: [A.tenant.id, B.tenant.id] } } })).toBe(audits);
    const subs = await prisma.subscription.findMany({ where: { tenantId: { in: [A.tenant.id, B.tenant.id] } } });
    for (const sub of subs) expect([sub.cancelAtPeriodEnd, sub.autoRenew]).toEqual([false, true]);
  });

  it('a viewer reads the subscription but gets FORBIDDEN on every change; billing may change it', async () => {
    const viewer = await callerFor(A.users.viewer.id, A.tenant.id);
    const current = await viewer.subscriptions.current();
    expect(current.subscription).toMatchObject({ status: 'active', plan: { code: 'starter' }, cancelAtPeriodEnd: false, autoRenew: true, scheduledChange: null });
    for (const call of [() => viewer.subscriptions.cancel({}), () => viewer.subscriptions.resume({}), () => viewer.subscriptions.setAutoRenew({ autoRenew: false })]) {
      expect(codeOf(await call().catch((e: unknown) => e))).toBe('FORBIDDEN');
    }
    const billing = await callerFor(A.users.billing.id, A.tenant.id);
    expect((await billing.subscriptions.setAutoRenew({ autoRenew: false })).autoRenew).toBe(false);
    expect((await billing.subscriptions.setAutoRenew({ autoRenew: true })).autoRenew).toBe(true);
    expect((await billing.subscriptions.cancel({})).cancelAtPeriodEnd).toBe(true);
    expect((await viewer.subscriptions.current()).subscription?.cancelAtPeriodEnd).toBe(true);
    expect((await billing.subscriptions.resume({})).cancelAtPeriodEnd).toBe(false);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: A.tenant.id, action: 'subscription.cancel' } });
    expect(audit).toMatchObject({ actorUserId: A.users.billing.id, targetType: 'subscription' });
  });

  it('a tenant without a subscription: current is null, changes are NOT_FOUND', async () => {
    const lone = await seedTestTenant('CNY');
    const owner = await callerFor(lone.users.owner.id, lone.tenant.id);
    expect(await owner.subscriptions.current()).toEqual({ subscription: null });
    expect(codeOf(await owner.subscriptions.cancel({}).catch((e: unknown) => e))).toBe('NOT_FOUND');
  });
});
