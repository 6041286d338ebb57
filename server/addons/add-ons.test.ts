import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { SYSTEM_ACTOR } from '../audit/actor';
import { setClock, now, useSystemClock } from '../clock';
import { grantCredit } from '../credits/grant-credit';
import { getCreditBalance } from '../credits/ledger';
import { prisma } from '../db';
import { startSubscription } from '../subscriptions/start-subscription';
import { addOnRenewalLines, listAddOns, subscribeAddOn, unsubscribeAddOn } from './add-ons';
import { prorateAddOn } from './proration';

const tenants: string[] = [];
afterEach(() => useSystemClock());
afterAll(async () => {
  // Nothing left live for another file's renewal run.
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
});

/** 2026-01-01 00:00 in Asia/Shanghai: a 31-day period for CNY tenants. */
const JAN_1_SHANGHAI = new Date('2025-12-31T16:00:00Z');
const JAN_10_SHANGHAI_NOON = new Date('2026-01-10T04:00:00Z');

async function onStarter(currency: 'CNY' | 'USD' = 'CNY', planCode = 'starter'): Promise<SeededTenant> {
  setClock(JAN_1_SHANGHAI);
  const seeded = await seedTestTenant(currency);
  tenants.push(seeded.tenant.id);
  await startSubscription({ tenantId: seeded.tenant.id, planCode, adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  return seeded;
}

const addOnRecords = (tenantId: string) => prisma.billingRecord.findMany({ where: { tenantId, type: 'addon' }, include: { lineItems: true }, orderBy: { createdAt: 'asc' } });

describe('add-on proration (DOMAIN.md: price × r / N, half up per line)', () => {
  it('on day 10 of a 31-day period: r = 22, 199 × 22 / 31 = 141.23, tax 8.47', () => {
    const p = prorateAddOn({ price: '199', periodStart: JAN_1_SHANGHAI, periodEnd: new Date('2026-01-31T16:00:00Z'), at: JAN_10_SHANGHAI_NOON, timeZone: 'Asia/Shanghai', taxRate: '0.06', currency: 'CNY' });
    expect({ r: p.remainingDays, n: p.periodDays, amount: p.amount.toFixed(), tax: p.taxAmount.toFixed(), total: p.total.toFixed() }).toEqual({ r: 22, n: 31, amount: '141.23', tax: '8.47', total: '149.7' });
    const first = prorateAddOn({ price: '199', periodStart: JAN_1_SHANGHAI, periodEnd: new Date('2026-01-31T16:00:00Z'), at: JAN_1_SHANGHAI, timeZone: 'Asia/Shanghai', taxRate: '0', currency: 'CNY' });
    expect([first.remainingDays, first.amount.toFixed()]).toEqual([31, '199']);
  });
});

describe('subscribeAddOn / unsubscribeAddOn', () => {
  it('bills a prorated addon record for the rest of the period, once; a second subscribe is a no-op', async () => {
    const seeded = await onStarter('CNY');
    const tenantId = seeded.tenant.id;
    setClock(JAN_10_SHANGHAI_NOON);
    const listed = await listAddOns(tenantId);
    expect(listed.addOns.map((a) => [a.code, a.state, a.price])).toEqual([['advanced_mfa', 'available', '199'], ['audit_retention', 'available', '99']]);
    expect(listed.addOns[0]!.proratedCharge).toEqual({ amount: '141.23', taxAmount: '8.47', total: '149.7', remainingDays: 22, periodDays: 31 });

    const result = await subscribeAddOn({ tenantId, addOnCode: 'advanced_mfa' }, seeded.ownerActor);
    expect(result.outcome).toBe('subscribed');
    expect(await subscribeAddOn({ tenantId, addOnCode: 'advanced_mfa' }, seeded.ownerActor)).toMatchObject({ outcome: 'unchanged', billingRecordId: null });
    const records = await addOnRecords(tenantId);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: result.billingRecordId, type: 'addon', status: 'open', currency: 'CNY' });
    expect([records[0]!.subtotal.toFixed(), records[0]!.taxAmount.toFixed(), records[0]!.amount.toFixed()]).toEqual(['141.23', '8.47', '149.7']);
    expect(records[0]!.lineItems[0]).toMatchObject({ resourceType: 'addon', description: expect.stringContaining('22/31') });
    expect(await prisma.subscriptionAddOn.count({ where: { tenantId, addOnCode: 'advanced_mfa' } })).toBe(1);
    expect((await listAddOns(tenantId)).addOns[0]).toMatchObject({ state: 'active', proratedCharge: null });
    expect(await prisma.auditLog.count({ where: { tenantId, action: 'addon.subscribe' } })).toBe(1);
    // the renewal job's lines for the next period: the full price of every active add-on
    const lines = await prisma.$transaction((tx) => addOnRenewalLines(tx, { tenantId, subscriptionId: records[0]!.subscriptionId!, currency: 'CNY', locale: 'zh-CN', start: new Date(), end: new Date() }));
    expect(lines.map((l) => [l.resourceType, l.unitPrice.toFixed()])).toEqual([['addon', '199']]);
  });

  it('concurrent subscribes of one add-on make one row and one charge', async () => {
    const seeded = await onStarter('USD');
    const tenantId = seeded.tenant.id;
    setClock(new Date('2026-01-10T12:00:00Z'));
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => subscribeAddOn({ tenantId, addOnCode: 'audit_retention' }, seeded.ownerActor)));
    expect(results.filter((r) => r.status === 'fulfilled' && r.value.outcome === 'subscribed')).toHaveLength(1);
    expect(await prisma.subscriptionAddOn.count({ where: { tenantId, addOnCode: 'audit_retention' } })).toBe(1);
    expect(await addOnRecords(tenantId)).toHaveLength(1);
  });

  it('pays the charge from credit first, oldest credit first', async () => {
    const seeded = await onStarter('USD');
    const tenantId = seeded.tenant.id;
    setClock(new Date('2026-01-01T00:00:00Z'));
    await grantCredit({ tenantId, amount: '40', source: 'promotion', remark: 'welcome' }, SYSTEM_ACTOR);
    // USD tenants are on UTC: the period runs from 2025-12-31 16:00Z, so on Jan 1 r = 30 of N = 31; 29 × 30 / 31 = 28.06, no tax
    const result = await subscribeAddOn({ tenantId, addOnCode: 'advanced_mfa' }, seeded.ownerActor);
    const record = await prisma.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: result.billingRecordId! } } });
    expect([record.status, record.amount.toFixed(), record.creditAppliedAmount.toFixed()]).toEqual(['paid', '28.06', '28.06']);
    expect((await getCreditBalance(tenantId)).balance.toFixed()).toBe('11.94');
  });

  it('unsubscribe takes effect at period end without credit; subscribing again before then resumes without a charge', async () => {
    const seeded = await onStarter('CNY');
    const tenantId = seeded.tenant.id;
    setClock(JAN_10_SHANGHAI_NOON);
    await subscribeAddOn({ tenantId, addOnCode: 'audit_retention' }, seeded.ownerActor);
    const ended = await unsubscribeAddOn({ tenantId, addOnCode: 'audit_retention' }, seeded.ownerActor);
    expect(ended).toMatchObject({ outcome: 'canceled', endsAt: new Date('2026-01-31T16:00:00Z') });
    expect(await unsubscribeAddOn({ tenantId, addOnCode: 'audit_retention' }, seeded.ownerActor)).toMatchObject({ outcome: 'unchanged' });
    expect((await listAddOns(tenantId)).addOns[1]).toMatchObject({ code: 'audit_retention', state: 'ending', endsAt: new Date('2026-01-31T16:00:00Z') });
    expect(await prisma.creditTransaction.count({ where: { tenantId, source: 'proration' } })).toBe(0);
    // ending add-ons are not renewed
    const sub = await prisma.subscription.findFirstOrThrow({ where: { tenantId } });
    expect(await prisma.$transaction((tx) => addOnRenewalLines(tx, { tenantId, subscriptionId: sub.id, currency: 'CNY', locale: 'zh-CN', start: new Date(), end: new Date() }))).toEqual([]);

    expect(await subscribeAddOn({ tenantId, addOnCode: 'audit_retention' }, seeded.ownerActor)).toMatchObject({ outcome: 'resumed', billingRecordId: null });
    expect(await addOnRecords(tenantId)).toHaveLength(1);
    expect(await prisma.subscriptionAddOn.count({ where: { tenantId, addOnCode: 'audit_retention' } })).toBe(1);
    // unsubscribing a never-held add-on is a no-op
    expect(await unsubscribeAddOn({ tenantId, addOnCode: 'advanced_mfa' }, seeded.ownerActor)).toMatchObject({ outcome: 'unchanged' });
  });

  it('refuses add-ons the plan does not offer, unknown add-ons, included ones, and tenants without a subscription', async () => {
    const seeded = await onStarter('CNY');
    const tenantId = seeded.tenant.id;
    await expect(subscribeAddOn({ tenantId, addOnCode: 'premium_support' }, seeded.ownerActor)).rejects.toMatchObject({ code: 'CONFLICT', reason: 'ADDON_NOT_ALLOWED' });
    await expect(subscribeAddOn({ tenantId, addOnCode: 'no_such_addon' }, seeded.ownerActor)).rejects.toMatchObject({ code: 'BAD_REQUEST', reason: 'UNKNOWN_ADDON' });
    const pro = await onStarter('CNY', 'pro');
    expect(await subscribeAddOn({ tenantId: pro.tenant.id, addOnCode: 'advanced_mfa' }, pro.ownerActor)).toMatchObject({ outcome: 'unchanged' });
    await expect(unsubscribeAddOn({ tenantId: pro.tenant.id, addOnCode: 'advanced_mfa' }, pro.ownerActor)).rejects.toMatchObject({ reason: 'ADDON_INCLUDED' });
    // past due still runs (the add-on is owed like the plan); suspended takes nothing new
    await prisma.subscription.updateMany({ where: { tenantId, endedAt: null }, data: { status: 'past_due' } });
    expect(await subscribeAddOn({ tenantId, addOnCode: 'audit_retention' }, seeded.ownerActor)).toMatchObject({ outcome: 'subscribed' });
    await prisma.subscription.updateMany({ where: { tenantId, endedAt: null }, data: { status: 'suspended' } });
    await expect(subscribeAddOn({ tenantId, addOnCode: 'advanced_mfa' }, seeded.ownerActor)).rejects.toMatchObject({ reason: 'SUBSCRIPTION_NOT_ACTIVE' });
    expect((await listAddOns(tenantId)).canSubscribe).toBe(false);
    const bare = await seedTestTenant('USD');
    await expect(subscribeAddOn({ tenantId: bare.tenant.id, addOnCode: 'advanced_mfa' }, bare.ownerActor)).rejects.toMatchObject({ reason: 'NO_SUBSCRIPTION' });
    expect(await listAddOns(bare.tenant.id)).toEqual({ hasSubscription: false, canSubscribe: false, currency: 'USD', periodEnd: null, addOns: [] });
    expect(await prisma.subscriptionAddOn.count({ where: { tenantId: { in: [tenantId, pro.tenant.id, bare.tenant.id] } } })).toBe(1);
  });
});
