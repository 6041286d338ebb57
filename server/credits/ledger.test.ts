import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seedTestTenant, uniqueSuffix } from '../../prisma/seed/factories';
import { SYSTEM_ACTOR } from '../audit/actor';
import { issueInvoice, settleFromCredit } from '../billing/issue-invoice';
import { prisma } from '../db';
import { money, sum, ZERO, type Decimal } from '../money';
import { createTenant } from '../tenants/create-tenant';
import { createTenantInput } from '../tenants/schema';
import { adjustCredit, grantCredit } from './grant-credit';
import { appendCreditTransaction, applyAvailableCredit, getCreditBalance, openCredits } from './ledger';
import { grantCreditInput } from './schema';

/** A bare tenant (no users): cheap enough for a property run each. */
async function bareTenant(currency: 'CNY' | 'USD' = 'USD') {
  const suffix = uniqueSuffix();
  return createTenant(createTenantInput.parse({ id: `tnt_l${suffix}`, name: `Ledger ${suffix}`, currency, locale: currency === 'CNY' ? 'zh-CN' : 'en' }), SYSTEM_ACTOR);
}

/** The ledger read back, with the invariants every state must keep. */
async function ledgerOf(tenantId: string) {
  const rows = await prisma.creditTransaction.findMany({ where: { tenantId }, orderBy: { seq: 'asc' } });
  const allocations = await prisma.creditAllocation.findMany({ where: { tenantId } });
  const signed = rows.map((r) => (r.type === 'credit' ? money(r.amount) : money(r.amount).neg()));
  return { rows, allocations, sum: sum(signed), balance: (await getCreditBalance(tenantId)).balance, open: await openCredits(tenantId) };
}

async function expectConsistent(tenantId: string) {
  const { rows, allocations, sum: total, balance, open } = await ledgerOf(tenantId);
  // balance == the ledger's sum, and each row's running balance follows the one before it
  expect(balance.toFixed()).toBe(total.toFixed());
  let running = ZERO;
  rows.forEach((row, index) => {
    expect(row.seq).toBe(index + 1);
    running = row.type === 'credit' ? running.plus(money(row.amount)) : running.minus(money(row.amount));
    expect(money(row.balance).toFixed(), `row ${row.seq}`).toBe(running.toFixed());
    expect(running.isNegative()).toBe(false);
  });
  // every debit is fully drawn from credits; what is left of the credits is the balance
  for (const debit of rows.filter((r) => r.type === 'debit')) {
    expect(sum(allocations.filter((a) => a.debitId === debit.id).map((a) => a.amount)).toFixed()).toBe(money(debit.amount).toFixed());
  }
  expect(sum(open.map((c) => c.remaining)).toFixed()).toBe(balance.toFixed());
  for (const credit of open) expect(credit.remaining.gt(0) && credit.remaining.lte(credit.amount)).toBe(true);
  // oldest first: the credits with something left are the newest ones, and only the oldest of them is partly used
  const credits = rows.filter((r) => r.type === 'credit').map((r) => r.id);
  expect(open.map((c) => c.id)).toEqual(credits.slice(credits.length - open.length));
  for (const credit of open.slice(1)) expect(credit.remaining.toFixed()).toBe(credit.amount.toFixed());
  return { rows, allocations, balance, open };
}

describe('the credit ledger', () => {
  it('keeps a running balance, refuses zero, negative and overdrawing amounts, and audits grants', async () => {
    const tenant = await bareTenant('CNY');
    await grantCredit({ tenantId: tenant.id, ...grantCreditInput.parse({ amount: '150', source: 'promotion', remark: '新用户赠送额度' }) }, SYSTEM_ACTOR);
    await grantCredit({ tenantId: tenant.id, ...grantCreditInput.parse({ amount: '50', source: 'proration', sourceId: 'sub_xyz789', remark: '套餐降级按比例信用' }) }, SYSTEM_ACTOR);
    await expect(appendCreditTransaction({ tenantId: tenant.id, type: 'debit', amount: '0', source: 'manual' })).rejects.toMatchObject({ reason: 'INVALID_AMOUNT' });
    await expect(appendCreditTransaction({ tenantId: tenant.id, type: 'debit', amount: '200.000000001', source: 'manual' })).rejects.toMatchObject({ reason: 'INSUFFICIENT_CREDIT' });
    expect(grantCreditInput.safeParse({ amount: '0.000', source: 'promotion', remark: 'x' }).success).toBe(false);
    expect(grantCreditInput.safeParse({ amount: '-5', source: 'promotion', remark: 'x' }).success).toBe(false);
    expect(grantCreditInput.safeParse({ amount: 5, source: 'promotion', remark: 'x' }).success).toBe(false);
    const { rows, balance } = await expectConsistent(tenant.id);
    expect(rows.map((r) => [r.type, r.source, r.sourceId, r.amount.toFixed(), r.balance.toFixed(), r.remark])).toEqual([
      ['credit', 'promotion', null, '150', '150', '新用户赠送额度'],
      ['credit', 'proration', 'sub_xyz789', '50', '200', '套餐降级按比例信用'],
    ]);
    expect(balance.toFixed()).toBe('200');
    expect(await prisma.auditLog.count({ where: { tenantId: tenant.id, action: 'credit.grant' } })).toBe(2);
  });

  it('applies credit to the next invoices automatically, oldest credit first, and records which credit paid what', async () => {
    const seeded = await seedTestTenant('USD'); // tax rate 0 for USD tenants
    const tenantId = seeded.tenant.id;
    const [first, second, third] = [
      await grantCredit({ tenantId, amount: '30', source: 'promotion', remark: 'first' }, SYSTEM_ACTOR),
      await grantCredit({ tenantId, amount: '50', source: 'refund', sourceId: 'rec_x', remark: 'second' }, SYSTEM_ACTOR),
      await grantCredit({ tenantId, amount: '20', source: 'adjustment', remark: 'third' }, SYSTEM_ACTOR),
    ];
    const line = (price: string) => ({ type: 'adjustment' as const, description: 'test', lines: [{ resourceType: 'addon', description: 'test', quantity: 1, unitPrice: price }] });
    const invoice1 = await issueInvoice({ tenantId, ...line('40') }, SYSTEM_ACTOR);
    expect(invoice1.status).toBe('paid');
    const invoice2 = await issueInvoice({ tenantId, ...line('75.5') }, SYSTEM_ACTOR);
    expect(invoice2.status).toBe('open'); // 60 was left: applied in part
    expect(money(invoice2.creditAppliedAmount).toFixed()).toBe('60');
    const { rows, allocations, balance, open } = await expectConsistent(tenantId);
    expect(balance.toFixed()).toBe('0');
    expect(open).toEqual([]);
    const debits = rows.filter((r) => r.type === 'debit');
    expect(debits.map((d) => [d.source, d.sourceId, d.amount.toFixed(), d.balance.toFixed()])).toEqual([
      ['invoice_payment', invoice1.id, '40', '60'],
      ['invoice_payment', invoice2.id, '60', '0'],
    ]);
    const drawn = (debitId: string) => allocations.filter((a) => a.debitId === debitId).map((a) => [a.creditId, a.amount.toFixed()]).sort();
    expect(drawn(debits[0]!.id)).toEqual([[first.id, '30'], [second.id, '10']].sort());
    expect(drawn(debits[1]!.id)).toEqual([[second.id, '40'], [third.id, '20']].sort());
    // the history cannot be rewritten: allocations are append-only like the ledger
    await expect(prisma.$executeRaw`UPDATE credit_allocations SET amount = 1 WHERE tenant_id = ${tenantId}`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM credit_allocations WHERE tenant_id = ${tenantId}`).rejects.toThrow(/append-only/);
    // a later grant settles nothing by itself; the open invoice takes it when settled
    await grantCredit({ tenantId, amount: '100', source: 'promotion', remark: 'later' }, SYSTEM_ACTOR);
    const settled = await settleFromCredit({ tenantId, recordId: invoice2.id }, SYSTEM_ACTOR);
    expect(settled.status).toBe('paid');
    expect((await expectConsistent(tenantId)).balance.toFixed()).toBe('84.5');
  });

  it('manual adjustments by finance staff carry the reason, can debit, and never go below zero', async () => {
    const tenant = await bareTenant('CNY');
    const staff = { ...SYSTEM_ACTOR, kind: 'staff' as const };
    await adjustCredit({ tenantId: tenant.id, direction: 'credit', amount: '88.8', reason: 'goodwill for the outage' }, staff);
    await adjustCredit({ tenantId: tenant.id, direction: 'debit', amount: '8.8', reason: 'duplicate goodwill' }, staff);
    await expect(adjustCredit({ tenantId: tenant.id, direction: 'debit', amount: '80.01', reason: 'too much' }, staff)).rejects.toMatchObject({ reason: 'INSUFFICIENT_CREDIT' });
    await expect(adjustCredit({ tenantId: 'tnt_nobody', direction: 'credit', amount: '1', reason: 'nobody' }, staff)).rejects.toMatchObject({ reason: 'TENANT_NOT_FOUND' });
    const { rows, balance } = await expectConsistent(tenant.id);
    expect(rows.map((r) => [r.type, r.source, r.remark])).toEqual([['credit', 'adjustment', 'goodwill for the outage'], ['debit', 'adjustment', 'duplicate goodwill']]);
    expect(balance.toFixed()).toBe('80');
    const audits = await prisma.auditLog.findMany({ where: { tenantId: tenant.id, action: 'credit.adjust' }, orderBy: { createdAt: 'asc' } });
    expect(audits.map((a) => (a.after as { reason: string }).reason)).toEqual(['goodwill for the outage', 'duplicate goodwill']);
  });

  it('N concurrent applications never overdraw, and together take exactly the balance', async () => {
    const tenant = await bareTenant('USD');
    await grantCredit({ tenantId: tenant.id, amount: '100', source: 'promotion', remark: 'pool' }, SYSTEM_ACTOR);
    await grantCredit({ tenantId: tenant.id, amount: '23.45', source: 'promotion', remark: 'pool 2' }, SYSTEM_ACTOR);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => applyAvailableCredit({ tenantId: tenant.id, upTo: '30', sourceId: `rec_c${i}`, remark: `c${i}` })));
    const applied = results.filter((r) => r !== null).map((r) => money(r!.amount));
    expect(sum(applied).toFixed()).toBe('123.45');
    expect(applied.filter((a) => a.eq(30))).toHaveLength(4);
    const { balance } = await expectConsistent(tenant.id);
    expect(balance.toFixed()).toBe('0');
  });

  it('N concurrent invoice settlements pay at most the balance in total', async () => {
    const seeded = await seedTestTenant('USD');
    const tenantId = seeded.tenant.id;
    await grantCredit({ tenantId, amount: '50', source: 'promotion', remark: 'pool' }, SYSTEM_ACTOR);
    const invoices = await Promise.all(Array.from({ length: 5 }, () => issueInvoice(
      { tenantId, type: 'adjustment', description: 'c', lines: [{ resourceType: 'addon', description: 'c', quantity: 1, unitPrice: '20' }] }, SYSTEM_ACTOR,
    )));
    expect(sum(invoices.map((i) => money(i.creditAppliedAmount))).toFixed()).toBe('50');
    expect(invoices.filter((i) => i.status === 'paid')).toHaveLength(2);
    const { balance } = await expectConsistent(tenantId);
    expect(balance.toFixed()).toBe('0');
  });
});

const AMOUNT = fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 999_999_999 }))
  .filter(([units, nanos]) => units + nanos > 0)
  .map(([units, nanos]) => `${units}.${String(nanos).padStart(9, '0')}`);
const STEP = fc.oneof(
  fc.record({ kind: fc.constant('grant' as const), amount: AMOUNT }),
  fc.record({ kind: fc.constant('apply' as const), amount: AMOUNT }),
  fc.record({ kind: fc.constant('debit' as const), amount: AMOUNT }),
);

describe('the credit ledger, property-based', () => {
  it('over random sequences of grants, applications and debits: balance == the ledger sum, FIFO, never negative', async () => {
    await fc.assert(fc.asyncProperty(fc.array(STEP, { minLength: 1, maxLength: 12 }), async (steps) => {
      const tenant = await bareTenant('USD');
      let model: Decimal = ZERO;
      for (const [i, step] of steps.entries()) {
        const amount = money(step.amount);
        if (step.kind === 'grant') {
          await grantCredit({ tenantId: tenant.id, amount: step.amount, source: 'promotion', remark: `g${i}` }, SYSTEM_ACTOR);
          model = model.plus(amount);
        } else if (step.kind === 'apply') {
          const row = await applyAvailableCredit({ tenantId: tenant.id, upTo: step.amount, sourceId: `rec_p${i}`, remark: `a${i}` });
          const expected = model.lt(amount) ? model : amount;
          expect(row ? money(row.amount).toFixed() : '0').toBe(expected.toFixed());
          model = model.minus(expected);
        } else {
          const attempt = appendCreditTransaction({ tenantId: tenant.id, type: 'debit', amount: step.amount, source: 'adjustment', remark: `d${i}` });
          if (amount.gt(model)) await expect(attempt).rejects.toMatchObject({ reason: 'INSUFFICIENT_CREDIT' });
          else { await attempt; model = model.minus(amount); }
        }
      }
      const { balance } = await expectConsistent(tenant.id);
      expect(balance.toFixed()).toBe(model.toFixed());
    }), { numRuns: 25 });
  }, 120_000);
});
