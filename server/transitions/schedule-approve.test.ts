import { afterEach, describe, expect, it } from 'vitest';
import { seedTestTenant, seedUser, uniqueSuffix } from '../../prisma/seed/factories';
import { userActor } from '../audit/actor';
import { setClock, now, useSystemClock } from '../clock';
import { prisma } from '../db';
import { editPlan, editPlanInput } from '../catalog/edit-plan';
import { definePlan } from '../catalog/define-catalog';
import { planInput } from '../catalog/schema';
import { renewDueSubscriptions } from '../subscriptions/renew-subscriptions';
import { startSubscription } from '../subscriptions/start-subscription';
import { approvePlanTransition, listPendingApprovals, rejectPlanTransition } from './approvals';
import { confirmPlanTransition } from './confirm';
import { quotePlanTransition } from './quote';
import { cancelScheduledTransition } from './schedule';

const tenants: string[] = [];
afterEach(async () => {
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
  useSystemClock();
});
async function onPlan(planCode: string) {
  const seeded = await seedTestTenant('CNY');
  tenants.push(seeded.tenant.id);
  const sub = await startSubscription({ tenantId: seeded.tenant.id, planCode, adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  return { seeded, sub, tenantId: seeded.tenant.id };
}
const change = async (tenantId: string, toPlanCode: string, actor: Parameters<typeof quotePlanTransition>[1]) => {
  const quote = await quotePlanTransition({ tenantId, toPlanCode }, actor);
  return { quote, result: await confirmPlanTransition({ tenantId, transitionId: quote.id }, actor) };
};

describe('scheduled downgrades, cancellation and approvals', () => {
  it('a downgrade at period end is scheduled, blocks another change, and the renewal applies it and bills the new plan', async () => {
    setClock(new Date('2026-06-10T02:00:00Z'));
    const { seeded, sub, tenantId } = await onPlan('starter');
    const { quote, result } = await change(tenantId, 'free', seeded.ownerActor);
    expect(quote).toMatchObject({ mode: 'at_period_end', net: '0', remainingDays: 0, effectiveAt: sub.currentPeriodEnd.toISOString() });
    expect(result.state).toBe('creating');
    await expect(quotePlanTransition({ tenantId, toPlanCode: 'pro' }, seeded.ownerActor)).rejects.toMatchObject({ reason: 'TRANSITION_PENDING' });
    setClock(new Date(sub.currentPeriodEnd.getTime() + 3_600_000));
    await renewDueSubscriptions({ tenantIds: [tenantId] }); // only this file's tenant: other files run at the same time
    const renewed = await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: sub.id } } });
    expect(renewed.planCode).toBe('free');
    expect(renewed.currentPeriodStart).toEqual(sub.currentPeriodEnd);
    expect((await prisma.planTransition.findFirstOrThrow({ where: { tenantId, id: quote.id } })).state).toBe('finished');
    // free costs nothing: no new subscription invoice after the first one.
    expect(await prisma.billingRecord.count({ where: { tenantId, type: 'subscription' } })).toBe(1);
  });

  it('a scheduled change is cancellable until it applies; after that it stays on the old plan', async () => {
    setClock(new Date('2026-06-10T02:00:00Z'));
    const { seeded, sub, tenantId } = await onPlan('starter');
    const { quote } = await change(tenantId, 'free', seeded.ownerActor);
    expect(await cancelScheduledTransition({ tenantId, transitionId: quote.id }, seeded.ownerActor)).toEqual({ id: quote.id, state: 'canceled' });
    setClock(new Date(sub.currentPeriodEnd.getTime() + 3_600_000));
    await renewDueSubscriptions({ tenantIds: [tenantId] }); // only this file's tenant: other files run at the same time
    expect((await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: sub.id } } })).planCode).toBe('starter');
  });

  it('enterprise waits for a staff approval; approval prorates as of that day and bills it; rejection changes nothing', async () => {
    setClock(new Date('2026-06-10T02:00:00Z'));
    const admin = userActor((await seedUser(`admin-${uniqueSuffix()}@staff.test`, 'Admin', { staffRole: 'admin' })).id, { ip: null, userAgent: null, requestId: null } as never, 'staff');
    const a = await onPlan('starter');
    const { quote, result } = await change(a.tenantId, 'enterprise', a.seeded.ownerActor);
    expect(result).toMatchObject({ state: 'waiting_for_approval', requiresManualApproval: true, billingRecordId: null });
    expect((await listPendingApprovals()).map((p) => p.id)).toContain(quote.id);
    setClock(new Date('2026-06-12T02:00:00Z'));
    expect(await approvePlanTransition({ transitionId: quote.id }, admin)).toEqual({ id: quote.id, state: 'finished' });
    const t = await prisma.planTransition.findFirstOrThrow({ where: { id: quote.id } });
    expect(t.remainingDays).toBe(quote.remainingDays - 2);
    const record = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId: a.tenantId, type: 'proration' } });
    expect(record.amount.toFixed(2)).toBe(t.chargeAmount.plus(t.chargeTaxAmount).minus(t.creditAmount).minus(t.creditTaxAmount).toFixed(2));
    expect((await prisma.subscription.findFirstOrThrow({ where: { tenantId: a.tenantId, endedAt: null } })).planCode).toBe('enterprise');
    const b = await onPlan('starter');
    const other = await change(b.tenantId, 'enterprise', b.seeded.ownerActor);
    expect(await rejectPlanTransition({ transitionId: other.quote.id, reason: 'no contract yet' }, admin)).toEqual({ id: other.quote.id, state: 'canceled' });
    expect((await prisma.subscription.findFirstOrThrow({ where: { tenantId: b.tenantId, endedAt: null } })).planCode).toBe('starter');
    await expect(approvePlanTransition({ transitionId: other.quote.id }, admin)).rejects.toMatchObject({ reason: 'TRANSITION_NOT_WAITING' });
  });

  it('editing the price of a plan in use makes a new version; a quote made before it is refused as changed', async () => {
    setClock(new Date('2026-06-10T02:00:00Z'));
    const admin = userActor((await seedUser(`admin-${uniqueSuffix()}@staff.test`, 'Admin', { staffRole: 'admin' })).id, { ip: null, userAgent: null, requestId: null } as never, 'staff');
    const code = `ver-${uniqueSuffix()}`;
    await definePlan(planInput.parse({ code, name: 'Versioned', nameZh: '版本', planType: 'team', tenantType: 'freemium', rank: 15, prices: { CNY: '199' }, entitlements: [] }), admin);
    // Nobody on it yet: an edit changes it in place.
    expect(await editPlan(editPlanInput.parse({ code, prices: { CNY: { monthly: '200', yearly: '2000' } } }), admin)).toMatchObject({ version: 1, versioned: false });
    const holder = await onPlan(code);
    const { seeded, tenantId } = await onPlan('starter');
    const quote = await quotePlanTransition({ tenantId, toPlanCode: code }, seeded.ownerActor);
    expect(quote.toPlan).toMatchObject({ price: '200', version: 1 });
    expect(await editPlan(editPlanInput.parse({ code, prices: { CNY: { monthly: '210', yearly: '2100' } } }), admin)).toMatchObject({ version: 2, versioned: true, subscribers: 1 });
    expect((await prisma.planVersion.findMany({ where: { planCode: code }, orderBy: { version: 'asc' } })).map((v) => [v.version, (v.prices as Record<string, { monthly: string }>).CNY!.monthly])).toEqual([[1, '200'], [2, '210']]);
    // The subscriber keeps what it bought until renewal.
    expect((await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId: holder.tenantId, id: holder.sub.id } } })).amount.toFixed()).toBe('200');
    await expect(confirmPlanTransition({ tenantId, transitionId: quote.id }, seeded.ownerActor)).rejects.toMatchObject({ code: 'CONFLICT', reason: 'QUOTE_CHANGED' });
    expect(await prisma.billingRecord.count({ where: { tenantId, type: 'proration' } })).toBe(0);
    const fresh = await quotePlanTransition({ tenantId, toPlanCode: code }, seeded.ownerActor);
    expect(fresh.toPlan).toMatchObject({ price: '210', version: 2 });
  });
});
