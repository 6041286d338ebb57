import { TRPCError } from '@trpc/server';
import { describe, expect, it, vi } from 'vitest';
import { seedUser, uniqueSuffix } from '../../prisma/seed/factories';
import { callerFor } from '../../test/harness';
import { pdfText } from '../../test/pdf-text';
import { getCreditBalance } from '../credits/ledger';
import { grantCredit } from '../credits/grant-credit';
import { prisma } from '../db';
import { getInvoicePdf } from '../invoice-pdf/invoice-pdf';
import { listBillingRecords } from '../invoices/billing-records';
import { listF5Invoices } from '../invoices/f5-invoices';
import { getInvoiceDetail } from '../invoices/invoice-detail';
import { runDueJobs } from '../jobs/run-due';
import { money, sum } from '../money';
import { addPaymentMethod } from '../payment-methods/payment-methods';
import { sandboxProvider, tokenizeCard } from '../payments/sandbox-provider';
import { createDraftInvoice, finalizeInvoice } from './drafts';
import { financeActor, tenantsOnClock } from './finance-fixture';
import { refundInvoice } from './finance';
import { refundInput } from './schema';

/** 2036: no other file's clock reaches it (finance-fixture.ts). */
const tenant = tenantsOnClock(new Date('2036-03-04T02:00:00Z'), () => vi.restoreAllMocks());
const finance = financeActor;

/**
 * A finalized adjustment invoice of 233.34 USD (200 + 33.335 → 33.34, no tax for USD), paid by a
 * sandbox card; with `credit`, that much of it is taken from credit first and the card pays the rest.
 */
async function paidInvoice(credit?: string) {
  const seeded = await tenant();
  const t = seeded.tenant;
  if (credit) await grantCredit({ tenantId: t.id, amount: credit, source: 'promotion', remark: 'test' }, finance);
  const { token } = tokenizeCard({ number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' });
  await addPaymentMethod({ tenantId: t.id, token, role: 'primary', contact: null }, seeded.ownerActor);
  const created = await createDraftInvoice({ tenantId: t.id, description: 'Onboarding', lines: [{ description: 'Migration', quantity: '2', unitPrice: '100' }, { description: 'Training', quantity: '1', unitPrice: '33.335' }], reason: 'agreed in the contract' }, finance);
  await finalizeInvoice({ tenantId: t.id, invoiceId: created.id }, finance);
  await runDueJobs({ tenantIds: [t.id] });
  const invoice = await row(t.id, created.id);
  expect(invoice.status).toBe('paid');
  expect(invoice.amount.toFixed()).toBe('233.34');
  return { seeded, tenantId: t.id, invoiceId: created.id };
}

const row = (tenantId: string, id: string) => prisma.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } } });
const refunds = (tenantId: string, invoiceId: string) =>
  prisma.paymentAttempt.findMany({ where: { tenantId, billingRecordId: invoiceId, kind: 'refund' }, orderBy: { attemptNumber: 'asc' } });
const audits = (tenantId: string) => prisma.auditLog.findMany({ where: { tenantId, action: 'invoice.refund' } });
const balance = async (tenantId: string) => (await getCreditBalance(tenantId)).balance.toFixed();
const ask = (tenantId: string, invoiceId: string, extra: { to?: 'card' | 'credit'; amount?: string; idempotencyKey?: string }) =>
  refundInvoice(refundInput.parse({ tenantId, invoiceId, to: 'card', reason: 'customer dispute', ...extra }), finance);

describe('partial refunds', () => {
  it('two partial refunds to the card, then the remainder: paid until the last, refunded after; provider refunds sum exactly', async () => {
    const { tenantId, invoiceId } = await paidInvoice();
    const provider = vi.spyOn(sandboxProvider, 'refund');
    const first = await ask(tenantId, invoiceId, { amount: '50.10', idempotencyKey: 'partial-one' });
    expect(first).toMatchObject({ status: 'paid', refundedAmount: '50.1', refundedAt: null });
    const second = await ask(tenantId, invoiceId, { amount: '100.01', idempotencyKey: 'partial-two' });
    expect(second).toMatchObject({ status: 'paid', refundedAmount: '150.11' });
    expect((await getInvoiceDetail(tenantId, invoiceId)).refundedAmount).toBe('150.11');
    // The PDF prints what was refunded so far under the totals.
    const printed = (await pdfText((await getInvoicePdf({ tenantId, recordId: invoiceId })).pdf)).replace(/\s+/g, '');
    expect(printed).toContain('RefundedUSD150.11');
    // The wire contracts do not change: a partly refunded invoice is paid, for its whole amount (seed 001 and F5).
    const [record] = (await listBillingRecords(tenantId, {})).items;
    expect(record).toMatchObject({ record_id: invoiceId, status: 'paid' });
    expect(JSON.stringify(record!.amount)).toBe('233.34');
    expect((await listF5Invoices(tenantId, {})).invoices).toEqual([expect.objectContaining({ status: 'STATUS_PAID', amount: '23334' })]);
    const last = await ask(tenantId, invoiceId, {});
    expect(last.status).toBe('refunded');
    expect(last.refundedAmount).toBe('233.34');
    expect(last.refundedAt).not.toBeNull();

    const attempts = await refunds(tenantId, invoiceId);
    expect(attempts.map((a) => [a.status, a.amount.toFixed()])).toEqual([['succeeded', '50.1'], ['succeeded', '100.01'], ['succeeded', '83.23']]);
    expect(new Set(attempts.map((a) => a.providerRefundId)).size).toBe(3);
    expect(sum(attempts.map((a) => a.amount)).toFixed()).toBe('233.34');
    expect(provider.mock.calls.map(([call]) => call.amount.toFixed())).toEqual(['50.1', '100.01', '83.23']);
    expect(await balance(tenantId)).toBe('0');
    // One audit row per refund, with the running total before and after.
    // The clock stands still in this test: order the rows by the running total they started from.
    const rows = (await audits(tenantId)).sort((a, b) => money((a.before as { refundedAmount: string }).refundedAmount).comparedTo(money((b.before as { refundedAmount: string }).refundedAmount)));
    expect(rows.map((a) => [(a.before as { refundedAmount: string }).refundedAmount, (a.after as { refundedAmount: string; status: string }).refundedAmount, (a.after as { status: string }).status]))
      .toEqual([['0', '50.1', 'paid'], ['50.1', '150.11', 'paid'], ['150.11', '233.34', 'refunded']]);
    // The whole-remainder repeat after completion changes nothing.
    await ask(tenantId, invoiceId, {});
    expect(provider).toHaveBeenCalledTimes(3);
  });

  it('a repeated identical request (same key) refunds once, also when both arrive at the same time; the key with another amount or destination is 409', async () => {
    const { tenantId, invoiceId } = await paidInvoice();
    // A slow processor: both twins write (or find) the pending attempt before either has the answer.
    const refund = sandboxProvider.refund.bind(sandboxProvider);
    const provider = vi.spyOn(sandboxProvider, 'refund').mockImplementation(async (call) => { await new Promise((r) => setTimeout(r, 300)); return refund(call); });
    const request = { amount: '20', idempotencyKey: 'same-request-1' };
    await Promise.all([ask(tenantId, invoiceId, request), ask(tenantId, invoiceId, request)]);
    expect(provider).toHaveBeenCalledTimes(2);
    const again = await ask(tenantId, invoiceId, request);
    expect(again).toMatchObject({ status: 'paid', refundedAmount: '20' });
    const attempts = await refunds(tenantId, invoiceId);
    expect(attempts).toHaveLength(1);
    // A concurrent twin may ask the provider again, but only under the same provider key (the processor answers the first refund).
    expect(new Set(provider.mock.calls.map(([call]) => call.idempotencyKey)).size).toBe(1);
    expect(await audits(tenantId)).toHaveLength(1);
    await expect(ask(tenantId, invoiceId, { amount: '21', idempotencyKey: 'same-request-1' })).rejects.toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(ask(tenantId, invoiceId, { to: 'credit', amount: '20', idempotencyKey: 'same-request-1' })).rejects.toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(ask(tenantId, invoiceId, { idempotencyKey: 'same-request-1' })).rejects.toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    // The same amount under a new key is a second refund, as meant.
    expect((await ask(tenantId, invoiceId, { amount: '20', idempotencyKey: 'same-request-2' })).refundedAmount).toBe('40');
    expect(await refunds(tenantId, invoiceId)).toHaveLength(2);
  });

  it('a request cut short after its attempt was written (the answer lost) is resumed by its retry with the same provider key, and applied once', async () => {
    const { tenantId, invoiceId } = await paidInvoice();
    const provider = vi.spyOn(sandboxProvider, 'refund').mockRejectedValueOnce(new Error('connection reset'));
    const request = { amount: '33.34', idempotencyKey: 'lost-answer-1' };
    await expect(ask(tenantId, invoiceId, request)).rejects.toThrow('connection reset');
    expect((await refunds(tenantId, invoiceId)).map((a) => a.status)).toEqual(['pending']);
    expect((await row(tenantId, invoiceId)).refundedAmount.toFixed()).toBe('0');
    // A pending refund is reserved: what is left to refund is 200 until it is answered.
    await expect(ask(tenantId, invoiceId, { to: 'credit', amount: '200.01', idempotencyKey: 'lost-answer-2' })).rejects.toMatchObject({ reason: 'REFUND_EXCEEDS_REMAINING' });
    expect(await ask(tenantId, invoiceId, request)).toMatchObject({ status: 'paid', refundedAmount: '33.34' });
    expect(await ask(tenantId, invoiceId, request)).toMatchObject({ status: 'paid', refundedAmount: '33.34' });
    expect((await refunds(tenantId, invoiceId)).map((a) => a.status)).toEqual(['succeeded']);
    const keys = provider.mock.calls.map(([call]) => call.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
  });

  it('refunding more than remains is 409 and changes nothing; concurrent refunds never exceed the invoice', async () => {
    const { tenantId, invoiceId } = await paidInvoice();
    await ask(tenantId, invoiceId, { amount: '200', idempotencyKey: 'over-base' });
    const before = await row(tenantId, invoiceId);
    for (const to of ['card', 'credit'] as const) {
      await expect(ask(tenantId, invoiceId, { to, amount: '33.35', idempotencyKey: `over-${to}` })).rejects.toMatchObject({ code: 'CONFLICT', reason: 'REFUND_EXCEEDS_REMAINING', message: expect.stringContaining('33.34 USD') });
    }
    expect(await row(tenantId, invoiceId)).toEqual(before);
    expect(await refunds(tenantId, invoiceId)).toHaveLength(1);
    expect(await audits(tenantId)).toHaveLength(1);
    expect(await balance(tenantId)).toBe('0');

    // Two refunds of 20 race for the 33.34 left: one wins, the other is 409.
    const raced = await Promise.allSettled([ask(tenantId, invoiceId, { amount: '20', idempotencyKey: 'race-key-a' }), ask(tenantId, invoiceId, { amount: '20', idempotencyKey: 'race-key-b' })]);
    expect(raced.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await row(tenantId, invoiceId)).refundedAmount.toFixed()).toBe('220');
    // Once refunded in full, an explicit amount has nothing left.
    await ask(tenantId, invoiceId, { to: 'credit' });
    await expect(ask(tenantId, invoiceId, { to: 'credit', amount: '0.01', idempotencyKey: 'after-full' })).rejects.toMatchObject({ reason: 'REFUND_EXCEEDS_REMAINING' });
  });

  it('a partial refund to credit grants exactly that credit, once; the remainder to credit completes it', async () => {
    const { tenantId, invoiceId } = await paidInvoice();
    const view = await ask(tenantId, invoiceId, { to: 'credit', amount: '12.34', idempotencyKey: 'credit-part-1' });
    expect(view).toMatchObject({ status: 'paid', refundedAmount: '12.34' });
    expect(await balance(tenantId)).toBe('12.34');
    await ask(tenantId, invoiceId, { to: 'credit', amount: '12.34', idempotencyKey: 'credit-part-1' });
    expect(await balance(tenantId)).toBe('12.34');
    const grants = await prisma.creditTransaction.findMany({ where: { tenantId, source: 'refund' } });
    expect(grants.map((g) => [g.amount.toFixed(), g.sourceId])).toEqual([['12.34', invoiceId]]);
    const [attempt] = await refunds(tenantId, invoiceId);
    expect(attempt).toMatchObject({ provider: 'credit_balance', status: 'succeeded', providerRefundId: grants[0]!.id });
    const done = await ask(tenantId, invoiceId, { to: 'credit' });
    expect(done).toMatchObject({ status: 'refunded', refundedAmount: '233.34' });
    expect(await balance(tenantId)).toBe('233.34');
  });

  it('where credit paid part: the card gets back at most what it paid; the remainder returns the credit part as credit', async () => {
    const { tenantId, invoiceId } = await paidInvoice('50');
    expect((await row(tenantId, invoiceId)).creditAppliedAmount.toFixed()).toBe('50');
    await expect(ask(tenantId, invoiceId, { amount: '183.35', idempotencyKey: 'mixed-too-much' })).rejects.toMatchObject({ code: 'CONFLICT', reason: 'REFUND_EXCEEDS_CARD_CHARGE' });
    await ask(tenantId, invoiceId, { amount: '100', idempotencyKey: 'mixed-card-1' });
    const done = await ask(tenantId, invoiceId, {});
    expect(done).toMatchObject({ status: 'refunded', refundedAmount: '233.34' });
    const attempts = await refunds(tenantId, invoiceId);
    expect(attempts.map((a) => a.amount.toFixed())).toEqual(['100', '83.34']);
    expect(sum(attempts.map((a) => a.amount)).eq(money('183.34'))).toBe(true);
    expect(await balance(tenantId)).toBe('50');
  });

  it('the card part refunded in parts, the last refund is the credit part alone (no provider call)', async () => {
    const { tenantId, invoiceId } = await paidInvoice('50');
    await ask(tenantId, invoiceId, { amount: '183.34', idempotencyKey: 'card-all' });
    const provider = vi.spyOn(sandboxProvider, 'refund');
    expect((await ask(tenantId, invoiceId, {})).status).toBe('refunded');
    expect(provider).not.toHaveBeenCalled();
    expect(await balance(tenantId)).toBe('50');
  });

  it('rejects more decimals than the currency has, a zero amount and a partial refund without a key (400), before anything moves', async () => {
    const { tenantId, invoiceId } = await paidInvoice();
    await expect(ask(tenantId, invoiceId, { amount: '1.005', idempotencyKey: 'precision-1' })).rejects.toMatchObject({ code: 'BAD_REQUEST', reason: 'AMOUNT_PRECISION' });
    await expect(ask(tenantId, invoiceId, { to: 'credit', amount: '1.005', idempotencyKey: 'precision-2' })).rejects.toMatchObject({ code: 'BAD_REQUEST', reason: 'AMOUNT_PRECISION' });
    expect(refundInput.safeParse({ tenantId, invoiceId, to: 'card', reason: 'test', amount: '0', idempotencyKey: 'zero-amount' }).success).toBe(false);
    expect(refundInput.safeParse({ tenantId, invoiceId, to: 'card', reason: 'test', amount: '5' }).success).toBe(false);
    expect(refundInput.safeParse({ tenantId, invoiceId, to: 'card', reason: 'test', amount: '-5', idempotencyKey: 'negative-1' }).success).toBe(false);
    // Trailing zeros are not extra precision.
    expect((await ask(tenantId, invoiceId, { amount: '1.500', idempotencyKey: 'precision-ok' })).refundedAmount).toBe('1.5');
    expect(await refunds(tenantId, invoiceId)).toHaveLength(1);
  });

  it('staff.invoices.refund: finance may refund part; another tenant\'s invoice is NOT_FOUND and untouched; bad input is BAD_REQUEST; support is FORBIDDEN', async () => {
    const { tenantId, invoiceId } = await paidInvoice();
    const other = await tenant();
    const financeUser = await seedUser(`finance-${uniqueSuffix()}@staff.test`, 'Finance', { staffRole: 'finance' });
    const supportUser = await seedUser(`support-${uniqueSuffix()}@staff.test`, 'Support', { staffRole: 'support' });
    const asFinance = await callerFor(financeUser.id, null);
    const asSupport = await callerFor(supportUser.id, null);
    const input = { tenantId, invoiceId, to: 'credit' as const, amount: '10', idempotencyKey: 'trpc-refund-1', reason: 'goodwill' };
    const missing = await asFinance.staff.invoices.refund({ ...input, tenantId: other.tenant.id }).catch((e: unknown) => e);
    expect((missing as TRPCError).code).toBe('NOT_FOUND');
    expect((await row(tenantId, invoiceId)).refundedAmount.toFixed()).toBe('0');
    const forbidden = await asSupport.staff.invoices.refund(input).catch((e: unknown) => e);
    expect((forbidden as TRPCError).code).toBe('FORBIDDEN');
    const precise = await asFinance.staff.invoices.refund({ ...input, amount: '0.001' }).catch((e: unknown) => e);
    expect((precise as TRPCError).code).toBe('BAD_REQUEST');
    const over = await asFinance.staff.invoices.refund({ ...input, amount: '500' }).catch((e: unknown) => e);
    expect((over as TRPCError).code).toBe('CONFLICT');
    expect(await asFinance.staff.invoices.refund(input)).toMatchObject({ status: 'paid', refundedAmount: '10' });
    expect(await balance(other.tenant.id)).toBe('0');
  });
});
