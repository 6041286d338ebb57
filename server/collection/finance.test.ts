import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { seedUser, uniqueSuffix, type SeededTenant } from '../../prisma/seed/factories';
import { callerFor } from '../../test/harness';
import { getCreditBalance } from '../credits/ledger';
import { grantCredit } from '../credits/grant-credit';
import { prisma } from '../db';
import { addPaymentMethod } from '../payment-methods/payment-methods';
import { runDueJobs } from '../jobs/run-due';
import { money } from '../money';
import { tokenizeCard } from '../payments/sandbox-provider';
import { startSubscription } from '../subscriptions/start-subscription';
import { createDraftInvoice, finalizeInvoice } from './drafts';
import { financeActor, tenantsOnClock } from './finance-fixture';
import { refundInvoice, settleBankTransfer, voidInvoice } from './finance';
import { listPaymentAttempts } from './views';

/** 2035: no other file's clock reaches it (finance-fixture.ts). */
const tenant = tenantsOnClock(new Date('2035-05-06T02:00:00Z'));
const finance = financeActor;

/** A sandbox card tokenized as the card form does, added through the payment-methods domain. */
async function card(seeded: SeededTenant, number: string, role: 'primary' | 'secondary') {
  const { token } = tokenizeCard({ number, expMonth: 12, expYear: 2040, cvc: '123' });
  return addPaymentMethod({ tenantId: seeded.tenant.id, token, role, contact: null }, seeded.ownerActor);
}

const draft = (tenantId: string, unitPrice = '100') =>
  createDraftInvoice({ tenantId, description: 'Onboarding services', lines: [{ description: 'Migration', quantity: '2', unitPrice }, { description: 'Training', quantity: '1', unitPrice: '33.335' }], reason: 'agreed in the contract' }, finance);
const invoice = (tenantId: string, id: string) => prisma.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } } });
const numberOf = (n: string | null) => Number(n?.split('-')[2]);

describe('drafts and finalization', () => {
  it('a draft has no number; finalizing numbers it once, and a repeat changes nothing', async () => {
    const { tenant: t } = await tenant();
    const created = await draft(t.id);
    expect(created).toMatchObject({ status: 'draft', invoiceNumber: null, type: 'adjustment' });
    const finalized = await finalizeInvoice({ tenantId: t.id, invoiceId: created.id }, finance);
    expect(finalized.status).toBe('open');
    expect(finalized.invoiceNumber).toMatch(/^INV-2035-\d{3,}$/);
    expect(await finalizeInvoice({ tenantId: t.id, invoiceId: created.id }, finance)).toEqual(finalized);
    expect(await prisma.auditLog.count({ where: { tenantId: t.id, action: 'invoice.finalize' } })).toBe(1);
  });

  it('30 concurrent finalizations get 30 distinct, consecutive numbers', async () => {
    const { tenant: t } = await tenant();
    const drafts = [];
    for (let i = 0; i < 30; i += 1) drafts.push(await draft(t.id));
    const done = await Promise.all(drafts.map((d) => finalizeInvoice({ tenantId: t.id, invoiceId: d.id }, finance)));
    const numbers = done.map((d) => numberOf(d.invoiceNumber)).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(30);
    expect((numbers.at(-1) ?? 0) - (numbers[0] ?? 0)).toBe(29);
  }, 60_000);

  it('finalizing settles from credit first; voiding gives the credit back', async () => {
    const { tenant: t } = await tenant();
    await grantCredit({ tenantId: t.id, amount: '50', source: 'promotion', remark: 'test' }, finance);
    const created = await draft(t.id);
    const open = await finalizeInvoice({ tenantId: t.id, invoiceId: created.id }, finance);
    expect(open.creditAppliedAmount).toBe('50');
    expect((await getCreditBalance(t.id)).balance.toFixed()).toBe('0');
    const voided = await voidInvoice({ tenantId: t.id, invoiceId: created.id, reason: 'issued by mistake' }, finance);
    expect(voided.status).toBe('void');
    expect((await getCreditBalance(t.id)).balance.toFixed()).toBe('50');
    expect(await voidInvoice({ tenantId: t.id, invoiceId: created.id, reason: 'issued by mistake' }, finance)).toEqual(voided);
    expect((await getCreditBalance(t.id)).balance.toFixed()).toBe('50');
  });
});

describe('finance actions', () => {
  it('refunds a card-paid invoice to the card through the provider, once', async () => {
    const seeded = await tenant();
    const t = seeded.tenant;
    await card(seeded, '4242424242424242', 'primary');
    const created = await draft(t.id);
    await finalizeInvoice({ tenantId: t.id, invoiceId: created.id }, finance);
    await runDueJobs({ tenantIds: [t.id] });
    expect((await invoice(t.id, created.id)).status).toBe('paid');
    await expect(voidInvoice({ tenantId: t.id, invoiceId: created.id, reason: 'too late' }, finance)).rejects.toMatchObject({ code: 'CONFLICT', reason: 'INVOICE_STATE' });
    const refunded = await refundInvoice({ tenantId: t.id, invoiceId: created.id, to: 'card', reason: 'customer dispute' }, finance);
    expect(refunded.status).toBe('refunded');
    await refundInvoice({ tenantId: t.id, invoiceId: created.id, to: 'card', reason: 'customer dispute' }, finance);
    const attempts = await prisma.paymentAttempt.findMany({ where: { tenantId: t.id, billingRecordId: created.id }, orderBy: { attemptNumber: 'asc' } });
    expect(attempts.map((a) => [a.kind, a.status])).toEqual([['charge', 'succeeded'], ['refund', 'succeeded']]);
    expect(attempts[1]?.providerRefundId).toMatch(/^re_sbx_/);
    expect(attempts[1]?.providerChargeId).toBe(attempts[0]?.providerChargeId);
    expect(money(attempts[1]?.amount ?? '0').eq(money(created.amount))).toBe(true);
    expect(await prisma.auditLog.count({ where: { tenantId: t.id, action: 'invoice.refund' } })).toBe(1);
    expect((await listPaymentAttempts(t.id, created.id)).map((a) => [a.origin, a.step])).toEqual([['dunning', 0], ['refund', null]]);
  });

  it('settles a bank transfer with its reference; refunds it as credit, not to a card', async () => {
    const { tenant: t } = await tenant();
    const created = await draft(t.id);
    await finalizeInvoice({ tenantId: t.id, invoiceId: created.id }, finance);
    const paid = await settleBankTransfer({ tenantId: t.id, invoiceId: created.id, reference: 'ICBC-20350506-0042', reason: 'transfer received' }, finance);
    expect(paid.status).toBe('paid');
    const [attempt] = await prisma.paymentAttempt.findMany({ where: { tenantId: t.id, billingRecordId: created.id } });
    expect(attempt).toMatchObject({ provider: 'bank_transfer', providerChargeId: 'ICBC-20350506-0042', status: 'succeeded' });
    expect((await listPaymentAttempts(t.id, created.id)).map((a) => a.origin)).toEqual(['settlement']);
    await expect(refundInvoice({ tenantId: t.id, invoiceId: created.id, to: 'card', reason: 'wrong' }, finance)).rejects.toMatchObject({ reason: 'NO_CARD_CHARGE' });
    await refundInvoice({ tenantId: t.id, invoiceId: created.id, to: 'credit', reason: 'goodwill' }, finance);
    expect((await getCreditBalance(t.id)).balance.eq(money(created.amount))).toBe(true);
    expect((await invoice(t.id, created.id)).status).toBe('refunded');
  });

  it('settling the unpaid renewal of a past_due subscription makes it active again', async () => {
    const seeded = await tenant();
    const t = seeded.tenant;
    await card(seeded, '4000000000000002', 'primary');
    const sub = await startSubscription({ tenantId: t.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
    await runDueJobs({ tenantIds: [t.id] });
    expect((await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.id, id: sub.id } } })).status).toBe('past_due');
    const unpaid = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId: t.id, subscriptionId: sub.id, status: 'open' } });
    await settleBankTransfer({ tenantId: t.id, invoiceId: unpaid.id, reference: 'WIRE-1', reason: 'paid by wire' }, finance);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.id, id: sub.id } } })).status).toBe('active');
  });

  it('staff.invoices: finance may act, support is FORBIDDEN, an unknown invoice is NOT_FOUND', async () => {
    const { tenant: t } = await tenant();
    const financeUser = await seedUser(`finance-${uniqueSuffix()}@staff.test`, 'Finance', { staffRole: 'finance' });
    const supportUser = await seedUser(`support-${uniqueSuffix()}@staff.test`, 'Support', { staffRole: 'support' });
    const asFinance = await callerFor(financeUser.id, null);
    const asSupport = await callerFor(supportUser.id, null);
    const input = { tenantId: t.id, description: 'Credit note', lines: [{ description: 'Fee', quantity: '1', unitPrice: '10' }], reason: 'contract fee' };
    const created = await asFinance.staff.invoices.createDraft(input);
    const error = await asSupport.staff.invoices.createDraft(input).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('FORBIDDEN');
    expect((await asFinance.staff.invoices.finalize({ tenantId: t.id, invoiceId: created.id })).status).toBe('open');
    expect((await asSupport.staff.invoices.attempts({ tenantId: t.id, invoiceId: created.id })).attempts).toEqual([]);
    const missing = await asFinance.staff.invoices.void({ tenantId: t.id, invoiceId: 'rec_doesnotexist', reason: 'nothing' }).catch((e: unknown) => e);
    expect((missing as TRPCError).code).toBe('NOT_FOUND');
    const bad = await asFinance.staff.invoices.settle({ tenantId: t.id, invoiceId: created.id, reference: 'x', reason: 'r' }).catch((e: unknown) => e);
    expect((bad as TRPCError).code).toBe('BAD_REQUEST');
  });
});
