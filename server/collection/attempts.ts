import { notFound } from '../errors';
import { now } from '../clock';
import { newId } from '../ids';
import type { Decimal } from '../money';
import type { Tx } from '../transaction';
import type { ChargeResult, RefundResult } from '../payments/provider';

/** The invoice row, locked FOR UPDATE until the transaction ends: every collection and finance step re-checks under it. */
export async function lockInvoice(tx: Tx, tenantId: string, invoiceId: string) {
  await tx.$queryRaw`SELECT id FROM billing_records WHERE tenant_id = ${tenantId} AND id = ${invoiceId} FOR UPDATE`;
  return tx.billingRecord.findUnique({
    where: { tenantId_id: { tenantId, id: invoiceId } },
    select: {
      id: true, tenantId: true, status: true, type: true, amount: true, creditAppliedAmount: true, refundedAmount: true, currency: true, invoiceNumber: true,
      subscriptionId: true, finalizedAt: true, paidAt: true, paymentMethodId: true,
    },
  });
}
export type LockedInvoice = NonNullable<Awaited<ReturnType<typeof lockInvoice>>>;

/** The invoice locked as `lockInvoice` does; 404 when the tenant has no such invoice (another tenant's id included). */
export async function lockedInvoice(tx: Tx, tenantId: string, invoiceId: string): Promise<LockedInvoice> {
  const invoice = await lockInvoice(tx, tenantId, invoiceId);
  if (!invoice) throw notFound('invoice', 'INVOICE_NOT_FOUND');
  return invoice;
}

/** Settling records the transfer as an attempt of this pseudo-provider (the bank's reference as its id). */
export const BANK_TRANSFER = 'bank_transfer';
/** A refund to the credit balance made under an idempotency key is recorded as a refund attempt of this pseudo-provider (the credit transaction as its refund id). */
export const CREDIT_BALANCE = 'credit_balance';

export type AttemptDraft = {
  tenantId: string; invoiceId: string; attemptKey: string; kind: 'charge' | 'refund'; step: number | null;
  paymentMethodId: string | null; amount: Decimal; currency: string; provider: string; providerChargeId?: string | null;
};

/**
 * The attempt for `attemptKey`, written `pending` before the provider is called (the caller holds
 * the invoice lock). A re-run finds the row it wrote and so reuses its attempt number, hence the
 * provider's idempotency key: the processor answers the first charge again instead of a second one.
 */
export async function openAttempt(tx: Tx, draft: AttemptDraft) {
  const where = { tenantId_billingRecordId_attemptKey: { tenantId: draft.tenantId, billingRecordId: draft.invoiceId, attemptKey: draft.attemptKey } };
  const existing = await tx.paymentAttempt.findUnique({ where });
  if (existing) return existing;
  const last = await tx.paymentAttempt.aggregate({ where: { tenantId: draft.tenantId, billingRecordId: draft.invoiceId }, _max: { attemptNumber: true } });
  return tx.paymentAttempt.create({
    data: {
      tenantId: draft.tenantId, id: newId('pay'), billingRecordId: draft.invoiceId, attemptKey: draft.attemptKey,
      attemptNumber: (last._max.attemptNumber ?? 0) + 1, kind: draft.kind, step: draft.step, paymentMethodId: draft.paymentMethodId,
      amount: draft.amount, currency: draft.currency, provider: draft.provider, providerChargeId: draft.providerChargeId ?? null, status: 'pending',
      // On the injectable clock, as every other row: a retry compares it with when a payment method changed (retry-owed.ts).
      createdAt: now(),
    },
  });
}
export type Attempt = Awaited<ReturnType<typeof openAttempt>>;

/** `<invoice>:<attempt number>`: the same attempt always asks the processor with the same key. */
export const idempotencyKeyOf = (attempt: Pick<Attempt, 'billingRecordId' | 'attemptNumber'>) => `${attempt.billingRecordId}:${attempt.attemptNumber}`;

/** Writes the provider's answer onto the attempt. */
export function recordAnswer(tx: Tx, attempt: Attempt, answer: ChargeResult | RefundResult) {
  const ok = answer.status === 'succeeded';
  return tx.paymentAttempt.update({
    where: { tenantId_id: { tenantId: attempt.tenantId, id: attempt.id } },
    data: {
      status: ok ? 'succeeded' : 'failed',
      ...(ok && 'chargeId' in answer ? { providerChargeId: answer.chargeId } : {}),
      ...(ok && 'refundId' in answer ? { providerRefundId: answer.refundId } : {}),
      declineCode: ok ? null : answer.code, declineMessage: ok ? null : answer.message,
    },
  });
}

/** A settled attempt's answer, replayed instead of asking the provider again. */
export function answerOf(attempt: Attempt): ChargeResult | null {
  if (attempt.status === 'succeeded' && attempt.providerChargeId) return { status: 'succeeded', chargeId: attempt.providerChargeId, message: 'Approved.' };
  if (attempt.status === 'failed') return { status: 'failed', code: (attempt.declineCode ?? 'processing_error') as 'processing_error', message: attempt.declineMessage ?? '' };
  return null;
}
