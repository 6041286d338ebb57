import { afterAll, describe, expect, it } from 'vitest';
import { seedTestTenant } from '../../prisma/seed/factories';
import { SYSTEM_ACTOR } from '../audit/actor';
import { now } from '../clock';
import { grantCredit } from '../credits/grant-credit';
import { getCreditBalance } from '../credits/ledger';
import { prisma } from '../db';
import { startSubscription } from './start-subscription';

/** Money-moving domain functions take the caller's transaction: they commit or roll back together. */
const tenants: string[] = [];

afterAll(async () => {
  // Nothing left live for another file's renewal run.
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
});

async function state(tenantId: string) {
  const [subscriptions, records, ledger, balance] = await Promise.all([
    prisma.subscription.count({ where: { tenantId } }),
    prisma.billingRecord.findMany({ where: { tenantId }, select: { status: true, amount: true } }),
    prisma.creditTransaction.count({ where: { tenantId } }),
    getCreditBalance(tenantId),
  ]);
  return { subscriptions, records: records.map((r) => ({ status: r.status, amount: r.amount.toFixed() })), ledger, balance: balance.balance.toFixed() };
}

describe('grantCredit + startSubscription in one transaction', () => {
  it('commit: the first invoice is paid from the credit granted in the same transaction', async () => {
    const seeded = await seedTestTenant('CNY');
    tenants.push(seeded.tenant.id);
    await prisma.$transaction(async (tx) => {
      await grantCredit({ tenantId: seeded.tenant.id, amount: '200', source: 'promotion', remark: 'compose' }, SYSTEM_ACTOR, tx);
      await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor, tx);
    });
    // starter is 99 CNY + 6 % VAT = 104.94, paid from the 200 granted: two ledger rows, 95.06 left.
    expect(await state(seeded.tenant.id)).toEqual({ subscriptions: 1, records: [{ status: 'paid', amount: '104.94' }], ledger: 2, balance: '95.06' });
  });

  it('rollback: a failure after both leaves no credit, no subscription, no invoice and no audit row', async () => {
    const seeded = await seedTestTenant('CNY');
    tenants.push(seeded.tenant.id);
    const audits = await prisma.auditLog.count({ where: { tenantId: seeded.tenant.id } });
    const failure = new Error('later step failed');
    await expect(prisma.$transaction(async (tx) => {
      await grantCredit({ tenantId: seeded.tenant.id, amount: '200', source: 'promotion', remark: 'compose' }, SYSTEM_ACTOR, tx);
      await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor, tx);
      throw failure;
    })).rejects.toBe(failure);
    expect(await state(seeded.tenant.id)).toEqual({ subscriptions: 0, records: [], ledger: 0, balance: '0' });
    expect(await prisma.auditLog.count({ where: { tenantId: seeded.tenant.id } })).toBe(audits);
  });
});
