/**
 * Finance staff actions on one invoice, each with a reason, audited, and idempotent (repeating an
 * action on an invoice already in its target state returns it unchanged; any other state is 409):
 * void an unpaid one, settle a bank transfer; refunds (whole or partial) live in refunds.ts.
 */
import { syncBillsOfInvoice } from '../metered-billing/bill-state';
import type { Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { now } from '../clock';
import { grantCredit } from '../credits/grant-credit';
import { prisma } from '../db';
import { conflict } from '../errors';
import { money, toDecimalString, type Decimal } from '../money';
import type { Tx } from '../transaction';
import { BANK_TRANSFER, lockedInvoice as locked, openAttempt, recordAnswer, type LockedInvoice } from './attempts';
import { notifyCollection } from './notify';
import type { InvoiceView, SettleInput, VoidInput } from './schema';
import { afterInvoicePaid } from './subscription-effects';
import { invoiceViewById as viewOf } from './views';

export { BANK_TRANSFER } from './attempts';
export { refundInvoice } from './refunds';
const OWED = ['open', 'failed'] as const;

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
