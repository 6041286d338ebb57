import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seedTestTenant } from '../../prisma/seed/factories';
import { SYSTEM_ACTOR } from '../audit/actor';
import { now, setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { renewSubscription } from '../subscriptions/renew-subscriptions';
import { startSubscription } from '../subscriptions/start-subscription';
import { subscribeAddOn, unsubscribeAddOn } from './add-ons';

/** 2026-01-01 00:00 and 2026-02-01 00:00 in Asia/Shanghai: the first period of a CNY tenant. */
const JAN_1 = new Date('2025-12-31T16:00:00Z');
const JAN_10 = new Date('2026-01-10T04:00:00Z');
const FEB_1 = new Date('2026-01-31T16:00:00Z');

const tenants: string[] = [];
afterEach(() => useSystemClock());
afterAll(async () => {
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
});

/** A CNY tenant on starter since Jan 1 holding advanced_mfa (and audit_retention, ending at period end). */
async function tenantWithAddOns() {
  setClock(JAN_1);
  const seeded = await seedTestTenant('CNY');
  tenants.push(seeded.tenant.id);
  await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  setClock(JAN_10);
  await subscribeAddOn({ tenantId: seeded.tenant.id, addOnCode: 'advanced_mfa' }, seeded.ownerActor);
  await subscribeAddOn({ tenantId: seeded.tenant.id, addOnCode: 'audit_retention' }, seeded.ownerActor);
  await unsubscribeAddOn({ tenantId: seeded.tenant.id, addOnCode: 'audit_retention' }, seeded.ownerActor);
  const sub = await prisma.subscription.findFirstOrThrow({ where: { tenantId: seeded.tenant.id } });
  return { tenantId: seeded.tenant.id, subscriptionId: sub.id };
}

async function renewalInvoiceLines(tenantId: string) {
  const record = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId, type: 'subscription', periodStart: FEB_1 }, include: { lineItems: { orderBy: { position: 'asc' } } } });
  return record.lineItems.map((line) => [line.resourceType, line.unitPrice.toFixed(), line.taxAmount.toFixed()]);
}

describe('renewal bills the add-ons held into the next period', () => {
  it('one invoice: the plan, then each active add-on at its full price; an add-on ending at period end is not billed', async () => {
    const { tenantId, subscriptionId } = await tenantWithAddOns();
    setClock(FEB_1);
    expect(await renewSubscription({ tenantId, subscriptionId, at: FEB_1 }, SYSTEM_ACTOR)).toBe(true);
    expect(await renewalInvoiceLines(tenantId)).toEqual([['subscription', '99', '5.94'], ['addon', '199', '11.94']]);
    // Renewing the same period again changes nothing.
    expect(await renewSubscription({ tenantId, subscriptionId, at: FEB_1 }, SYSTEM_ACTOR)).toBe(false);
    expect(await prisma.billingRecord.count({ where: { tenantId, type: 'subscription', periodStart: FEB_1 } })).toBe(1);
  });

  it('an add-on the new plan includes costs nothing; one it no longer offers ends with the old period, audited', async () => {
    const onPro = await tenantWithAddOns();
    await prisma.subscription.update({ where: { tenantId_id: { tenantId: onPro.tenantId, id: onPro.subscriptionId } }, data: { planCode: 'pro' } });
    setClock(FEB_1);
    await renewSubscription({ tenantId: onPro.tenantId, subscriptionId: onPro.subscriptionId, at: FEB_1 }, SYSTEM_ACTOR);
    expect((await renewalInvoiceLines(onPro.tenantId)).map(([type]) => type)).toEqual(['subscription']);
    expect(await prisma.subscriptionAddOn.findFirstOrThrow({ where: { tenantId: onPro.tenantId, addOnCode: 'advanced_mfa' } })).toMatchObject({ status: 'active' });

    const onFree = await tenantWithAddOns();
    await prisma.subscription.update({ where: { tenantId_id: { tenantId: onFree.tenantId, id: onFree.subscriptionId } }, data: { planCode: 'free' } });
    setClock(FEB_1);
    await renewSubscription({ tenantId: onFree.tenantId, subscriptionId: onFree.subscriptionId, at: FEB_1 }, SYSTEM_ACTOR);
    expect(await prisma.billingRecord.count({ where: { tenantId: onFree.tenantId, type: 'subscription', periodStart: FEB_1 } })).toBe(0);
    expect(await prisma.subscriptionAddOn.findFirstOrThrow({ where: { tenantId: onFree.tenantId, addOnCode: 'advanced_mfa' } })).toMatchObject({ status: 'canceled', endedAt: FEB_1 });
    expect(await prisma.auditLog.count({ where: { tenantId: onFree.tenantId, action: 'addon.end' } })).toBe(1);
  });
});
