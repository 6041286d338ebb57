import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { seedTestTenant, seedUser, uniqueSuffix } from '../../prisma/seed/factories';
import { callerFor } from '../../test/harness';
import { prisma } from '../db';
import { startSubscription } from '../subscriptions/start-subscription';

const code = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));

describe('staff.catalog and staff.approvals: staff admins only', () => {
  it('support and finance staff and tenant owners are FORBIDDEN; an admin lists, edits and approves', async () => {
    const seeded = await seedTestTenant('USD');
    const support = await callerFor((await seedUser(`support-${uniqueSuffix()}@staff.test`, 'S', { staffRole: 'support' })).id, null);
    const finance = await callerFor((await seedUser(`finance-${uniqueSuffix()}@staff.test`, 'F', { staffRole: 'finance' })).id, null);
    const owner = await callerFor(seeded.users.owner.id, seeded.tenant.id);
    const admin = await callerFor((await seedUser(`admin-${uniqueSuffix()}@staff.test`, 'A', { staffRole: 'admin' })).id, null);
    for (const caller of [support, finance, owner]) {
      for (const call of [() => caller.staff.catalog.plans(), () => caller.staff.approvals.list(), () => caller.staff.catalog.editPlan({ code: 'free', trialDays: 0 }), () => caller.staff.approvals.approve({ transitionId: crypto.randomUUID() })]) {
        expect(await call().then(() => 'ok', code)).toBe('FORBIDDEN');
      }
    }
    expect((await admin.staff.catalog.plans()).map((p) => p.code)).toEqual(expect.arrayContaining(['free', 'starter', 'pro', 'enterprise']));
    await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
    const quote = await owner.planTransitions.quote({ toPlanCode: 'enterprise' });
    expect(await owner.planTransitions.confirm({ transitionId: quote.id })).toMatchObject({ state: 'waiting_for_approval' });
    expect((await admin.staff.approvals.list()).find((p) => p.id === quote.id)).toMatchObject({ tenantId: seeded.tenant.id, toPlan: 'Enterprise', currency: 'USD' });
    expect(await admin.staff.approvals.approve({ transitionId: quote.id })).toEqual({ id: quote.id, state: 'finished' });
    expect(await admin.staff.approvals.approve({ transitionId: quote.id }).then(() => 'ok', code)).toBe('CONFLICT');
    const audit = await prisma.auditLog.findFirst({ where: { tenantId: seeded.tenant.id, action: 'plan_transition.approve', targetId: quote.id } });
    expect(audit?.actorKind).toBe('staff');
    await prisma.subscription.updateMany({ where: { tenantId: seeded.tenant.id, endedAt: null }, data: { status: 'canceled', endedAt: new Date() } });
  });
});
