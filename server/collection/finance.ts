/**
 * Finance staff actions on one invoice, each with a reason, audited, and idempotent (repeating an
 * action on an invoice already in its target state returns it unchanged; any other state is 409):
 * void an unpaid one, settle a bank transfer, refund a paid one to the card or as credit.
 */
import { syncBillsOfInvoice } from '../metered-billing/bill-state';
import { writeRefundLines } from '../metered-billing/refund-lines';
import type { Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { now } from '../clock';
import { grantCredit } from '../credits/grant-credit';
import { prisma } from '../db';
import { conflict, notFound } from '../errors';
import { money, toDecimalString, type Decimal } from '../money';
import { paymentProvider, type RefundResult } from '../payments/provider';
import type { Tx } from '../transaction';
import { idempotencyKeyOf, lockInvoice, openAttempt, recordAnswer, type Attempt, type LockedInvoice } from './attempts';
import { notifyCollection } from './notify';
import type { InvoiceView, RefundInput, SettleInput, VoidInput } from './schema';
import { afterInvoicePaid } from './subscription-effects';
import { INVOICE_VIEW_SELECT, invoiceViewOf } from './views';

/** Settling records the transfer as an attempt of this pseudo-provider (the bank's reference as its id). */
export const BANK_TRANSFER = 'bank_transfer';
const OWED = ['open', 'failed'] as const;

async function locked(tx: Tx, tenantId: string, invoiceId: string): Promise<LockedInvoice> {
  const invoice = await lockInvoice(tx, tenantId, invoiceId);
  if (!invoice) throw notFound('invoice', 'INVOICE_NOT_FOUND');
  return invoice;
}

function viewOf(tx: Tx | typeof prisma, tenantId: string, invoiceId: string): Promise<InvoiceView> {
  return tx.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: invoiceId } }, select: INVOICE_VIEW_SELECT }).then(invoiceViewOf);
}

const where = (tenantId: string, id: string) => ({ tenantId_id: { tenantId, id } });
const isOwed = (status: string) => (OWED as readonly string[]).includes(status);

/** A credit back to the ledger for what the invoice took from it (source `refund`, naming the invoice). */
async function returnCredit(tx: Tx, invoice: LockedInvoice, amount: Decimal, remark: string, actor: Actor) {
  if (amount.lte(0)) return;
  await grantCredit({ tenantId: invoice.tenantId, amount: toDecimalString(amount), source: 'refund', sourceId: invoice.id, remark }, actor, tx);
}

/** Void a draft, open or failed invoice: nothing is owed any more; credit it had taken goes back to the ledger. */
export async function voidInvoice(input: VoidInput, actor: Actor): Promise<InvoiceView> {
  const result = await prisma.$transaction(async (tx) => {
    const invoice = await locked(tx, input.tenantId, input.invoiceId);
    if (invoice.status === 'void') return { invoice, changed: false };
    if (invoice.status !== 'draft' && !isOwed(invoice.status)) throw conflict(`a ${invoice.status} invoice cannot be voided${invoice.status === 'paid' ? '; refund it instead' : ''}`, 'INVOICE_STATE');
    const voidedAt = now();
    await tx.billingRecord.update({ where: where(input.tenantId, input.invoiceId), data: { status: 'void', voidedAt } });
    await syncBillsOfInvoice(tx, input.tenantId, input.invoiceId);
    await returnCredit(tx, invoice, money(invoice.creditAppliedAmount), `${invoice.invoiceNumber ?? invoice.id} void: ${input.reason}`, actor);
    await recordAudit(tx, actor, {
      tenantId: input.tenantId, action: 'invoice.void', targetType: 'billing_record', targetId: input.invoiceId,
      before: { status: invoice.status }, after: { status: 'void', voidedAt, reason: input.reason, creditReturned: toDecimalString(invoice.creditAppliedAmount) },
    });
    return { invoice, changed: true };
  });
  if (result.changed) await afterInvoicePaid(input.tenantId, result.invoice.subscriptionId, actor);
  return viewOf(prisma, input.tenantId, input.invoiceId);
}

/** A bank transfer arrived: the invoice is paid, the transfer recorded as an attempt with the bank's reference. */
export async function settleBankTransfer(input: SettleInput, actor: Actor): Promise<InvoiceView> {
  const result = await prisma.$transaction(async (tx) => {
    const invoice = await locked(tx, input.tenantId, input.invoiceId);
    if (invoice.status === 'paid') return { invoice, changed: false };
    if (!isOwed(invoice.status)) throw conflict(`a ${invoice.status} invoice cannot be settled`, 'INVOICE_STATE');
    const owed = money(invoice.amount).minus(money(invoice.creditAppliedAmount));
    const bank = await tx.paymentMethod.findFirst({ where: { tenantId: input.tenantId, kind: 'bank', status: 'active' }, select: { id: true } });
    const attempt = await openAttempt(tx, {
      tenantId: input.tenantId, invoiceId: input.invoiceId, attemptKey: `settle:${input.reference}`, kind: 'charge', step: null,
      paymentMethodId: bank?.id ?? null, amount: owed, currency: invoice.currency, provider: BANK_TRANSFER,
    });
    await recordAnswer(tx, attempt, { status: 'succeeded', chargeId: input.reference, message: 'Settled by finance.' });
    const paidAt = now();
    await tx.billingRecord.update({ where: where(input.tenantId, input.invoiceId), data: { status: 'paid', paidAt, paymentMethodId: bank?.id ?? null } });
    await syncBillsOfInvoice(tx, input.tenantId, input.invoiceId);
    await recordAudit(tx, actor, {
      tenantId: input.tenantId, action: 'invoice.settle', targetType: 'billing_record', targetId: input.invoiceId,
      before: { status: invoice.status }, after: { status: 'paid', paidAt, reference: input.reference, amount: toDecimalString(owed), reason: input.reason, attemptId: attempt.id },
    });
    await notifyCollection(tx, input.tenantId, { kind: 'invoice.paid', invoiceId: invoice.id, invoiceNumber: invoice.invoiceNumber, amount: owed, currency: invoice.currency, last4: null, step: null });
    return { invoice, changed: true };
  });
  if (result.changed) await afterInvoicePaid(input.tenantId, result.invoice.subscriptionId, actor);
  return viewOf(prisma, input.tenantId, input.invoiceId);
}

/** Refund a paid invoice in full: to the card through the provider (recorded as an attempt), or all of it as credit. */
export async function refundInvoice(input: RefundInput, actor: Actor): Promise<InvoiceView> {
  if (input.to === 'credit') {
    return prisma.$transaction(async (tx) => {
      const invoice = await refundable(tx, input);
      if (invoice) await markRefunded(tx, invoice, input, money(invoice.amount), null, actor);
      return viewOf(tx, input.tenantId, input.invoiceId);
    });
  }
  const prepared = await prisma.$transaction((tx) => prepareCardRefund(tx, input));
  if (!prepared) return viewOf(prisma, input.tenantId, input.invoiceId);
  const answer: RefundResult = prepared.attempt.status === 'succeeded' && prepared.attempt.providerRefundId
    ? { status: 'succeeded', refundId: prepared.attempt.providerRefundId, message: 'Refunded.' }
    : await paymentProvider(prepared.attempt.provider).refund({
      chargeId: prepared.chargeId, amount: money(prepared.attempt.amount), currency: prepared.attempt.currency, idempotencyKey: idempotencyKeyOf(prepared.attempt),
    });
  await prisma.$transaction(async (tx) => {
    const invoice = await locked(tx, input.tenantId, input.invoiceId);
    if (prepared.attempt.status === 'pending') await recordAnswer(tx, prepared.attempt, answer);
    if (answer.status === 'succeeded' && invoice.status === 'paid') {
      await markRefunded(tx, invoice, input, money(invoice.creditAppliedAmount), prepared.attempt, actor);
    }
  });
  if (answer.status === 'failed') throw conflict(`the payment processor refused the refund: ${answer.message}`, 'REFUND_FAILED');
  return viewOf(prisma, input.tenantId, input.invoiceId);
}

/** The paid invoice to refund, or null when it is already refunded (the repeat is a no-op). */
async function refundable(tx: Tx, input: RefundInput) {
  const invoice = await locked(tx, input.tenantId, input.invoiceId);
  if (invoice.status === 'refunded') return null;
  if (invoice.status !== 'paid') throw conflict(`a ${invoice.status} invoice cannot be refunded${isOwed(invoice.status) ? '; void it instead' : ''}`, 'INVOICE_STATE');
  return invoice;
}

/** Records the refund attempt (pending) against the charge that paid the invoice, before the provider is asked. */
async function prepareCardRefund(tx: Tx, input: RefundInput): Promise<{ attempt: Attempt; chargeId: string } | null> {
  const invoice = await refundable(tx, input);
  if (!invoice) return null;
  const charge = await tx.paymentAttempt.findFirst({
    where: { tenantId: input.tenantId, billingRecordId: input.invoiceId, kind: 'charge', status: 'succeeded', provider: { not: BANK_TRANSFER }, providerChargeId: { not: null } },
    orderBy: { attemptNumber: 'desc' },
  });
  if (!charge?.providerChargeId) throw conflict('this invoice was not paid by card or wallet: refund it as credit', 'NO_CARD_CHARGE');
  // A refused refund may be tried again later under a new key; a pending or succeeded one is reused.
  const refused = await tx.paymentAttempt.count({ where: { tenantId: input.tenantId, billingRecordId: input.invoiceId, kind: 'refund', status: 'failed' } });
  const attempt = await openAttempt(tx, {
    tenantId: input.tenantId, invoiceId: input.invoiceId, attemptKey: `refund:${refused + 1}`, kind: 'refund', step: null,
    paymentMethodId: charge.paymentMethodId, amount: money(charge.amount), currency: charge.currency, provider: charge.provider, providerChargeId: charge.providerChargeId,
  });
  return { attempt, chargeId: charge.providerChargeId };
}

async function markRefunded(tx: Tx, invoice: LockedInvoice, input: RefundInput, asCredit: Decimal, attempt: Attempt | null, actor: Actor) {
  const refundedAt = now();
  await tx.billingRecord.update({ where: where(input.tenantId, input.invoiceId), data: { status: 'refunded', refundedAt } });
  // A usage invoice's charge lines get their CT_REFUND counterparts (seed 004) in this same transaction.
  const refundLines = await writeRefundLines(tx, input.tenantId, invoice);
  await syncBillsOfInvoice(tx, input.tenantId, input.invoiceId);
  await returnCredit(tx, invoice, asCredit, `${invoice.invoiceNumber ?? invoice.id} refund: ${input.reason}`, actor);
  await recordAudit(tx, actor, {
    tenantId: input.tenantId, action: 'invoice.refund', targetType: 'billing_record', targetId: input.invoiceId,
    before: { status: invoice.status },
    after: { status: 'refunded', refundedAt, to: input.to, reason: input.reason, toCard: attempt ? toDecimalString(attempt.amount) : '0', asCredit: toDecimalString(asCredit), attemptId: attempt?.id ?? null,
      refundLines: refundLines.lines, refundLinesAmount: toDecimalString(refundLines.amount) },
  });
}
