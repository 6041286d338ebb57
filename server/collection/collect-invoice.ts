import { SYSTEM_ACTOR, type Actor } from '../audit/actor';
import { syncBillsOfInvoice } from '../metered-billing/bill-state';
import { recordAudit } from '../audit/record-audit';
import { settleFromCredit } from '../billing/issue-invoice';
import { now } from '../clock';
import { prisma } from '../db';
import { money, toDecimalString } from '../money';
import { paymentProvider, type ChargeResult } from '../payments/provider';
import type { Tx } from '../transaction';
import { answerOf, idempotencyKeyOf, lockInvoice, openAttempt, recordAnswer, type Attempt, type LockedInvoice } from './attempts';
import { DEFAULT_GRACE_DAYS, isLastStep, stepDueAt } from './dunning';
import { collectableMethods, type CollectableMethod } from './methods';
import { notifyCollection } from './notify';
import { afterInvoicePaid, afterStepFailed } from './subscription-effects';
import { refundStrayCharge } from './stray-charge';

export type CollectInvoiceInput = { tenantId: string; invoiceId: string; step: number };
export type CollectOutcome = 'paid' | 'failed' | 'skipped';

/**
 * One dunning step of one invoice (the collection job's handler): charge the primary, and when it
 * is declined the secondary; the first success pays the invoice. Every attempt is recorded before
 * the provider is called and then given its answer, each in its own short transaction under the
 * invoice lock (the provider is never called while a lock is held). A re-run of a step reuses its
 * attempts, so nothing is charged twice; a step that is not due, or an invoice no longer open, is skipped.
 */
export async function collectInvoice(input: CollectInvoiceInput, actor: Actor = SYSTEM_ACTOR): Promise<CollectOutcome> {
  const methods = await collectableMethods(input.tenantId);
  let lastDecline: string | null = null;
  for (const method of methods) {
    const prepared = await prisma.$transaction((tx) => prepareAttempt(tx, input, method, actor));
    if (!prepared) return 'skipped';
    const answer = answerOf(prepared) ?? await charge(prepared, method);
    const applied = await prisma.$transaction((tx) => applyAnswer(tx, input, prepared, method, answer, actor));
    if (applied === 'stray') {
      if (answer.status === 'succeeded') await refundStrayCharge(prepared, answer.chargeId, actor);
      return 'skipped';
    }
    if (applied) {
      await afterInvoicePaid(input.tenantId, applied.subscriptionId, actor);
      return 'paid';
    }
    if (answer.status === 'failed') lastDecline = answer.message;
  }
  const finished = await prisma.$transaction((tx) => finishFailedStep(tx, input, lastDecline, actor));
  if (!finished) return 'skipped';
  await afterStepFailed(input.tenantId, finished.subscriptionId, actor);
  return 'failed';
}

async function graceDaysOf(tx: Tx, invoice: LockedInvoice): Promise<number> {
  if (!invoice.subscriptionId) return DEFAULT_GRACE_DAYS;
  const sub = await tx.subscription.findUnique({ where: { tenantId_id: { tenantId: invoice.tenantId, id: invoice.subscriptionId } }, select: { gracePeriodDays: true } });
  return sub?.gracePeriodDays ?? DEFAULT_GRACE_DAYS;
}

/** The invoice is still collectable at this step: open, finalized, the step due, something owed after credit. */
async function collectable(tx: Tx, input: CollectInvoiceInput, actor: Actor) {
  const invoice = await lockInvoice(tx, input.tenantId, input.invoiceId);
  if (!invoice || invoice.status !== 'open' || !invoice.finalizedAt) return null;
  const due = stepDueAt(invoice.finalizedAt, input.step, await graceDaysOf(tx, invoice));
  if (!due || due > now()) return null;
  // Credit first: only what the balance does not cover is charged.
  const settled = await settleFromCredit({ tenantId: input.tenantId, recordId: input.invoiceId }, actor, tx);
  if (settled.status !== 'open') return null;
  const owed = money(settled.amount).minus(money(settled.creditAppliedAmount));
  return owed.gt(0) ? { invoice, owed } : null;
}

async function prepareAttempt(tx: Tx, input: CollectInvoiceInput, method: CollectableMethod, actor: Actor): Promise<Attempt | null> {
  const found = await collectable(tx, input, actor);
  if (!found) return null;
  return openAttempt(tx, {
    tenantId: input.tenantId, invoiceId: input.invoiceId, attemptKey: `step:${input.step}:${method.id}`, kind: 'charge', step: input.step,
    paymentMethodId: method.id, amount: found.owed, currency: found.invoice.currency, provider: method.provider,
  });
}

function charge(attempt: Attempt, method: CollectableMethod): Promise<ChargeResult> {
  return paymentProvider(method.provider).charge({
    token: method.providerToken, amount: money(attempt.amount), currency: attempt.currency,
    idempotencyKey: idempotencyKeyOf(attempt), description: `invoice ${attempt.billingRecordId}`,
  });
}

/** Records the answer; a success pays the invoice (if it is still open) and tells the tenant; `stray` when it is no longer owed. */
async function applyAnswer(tx: Tx, input: CollectInvoiceInput, attempt: Attempt, method: CollectableMethod, answer: ChargeResult, actor: Actor) {
  const invoice = await lockInvoice(tx, input.tenantId, input.invoiceId);
  if (attempt.status === 'pending') await recordAnswer(tx, attempt, answer);
  if (answer.status !== 'succeeded' || !invoice) return null;
  if (invoice.status !== 'open') {
    // Paid by this very charge (another run of the step got there first) is fine; anything else is a charge nobody owes.
    const paidByThis = invoice.status === 'paid' && invoice.paymentMethodId === method.id;
    return paidByThis ? null : 'stray';
  }
  const paidAt = now();
  await tx.billingRecord.update({ where: { tenantId_id: { tenantId: input.tenantId, id: input.invoiceId } }, data: { status: 'paid', paidAt, paymentMethodId: method.id } });
  await syncBillsOfInvoice(tx, input.tenantId, input.invoiceId);
  await recordAudit(tx, actor, {
    tenantId: input.tenantId, action: 'invoice.pay', targetType: 'billing_record', targetId: input.invoiceId,
    before: { status: invoice.status },
    after: { status: 'paid', paidAt, paymentMethodId: method.id, attemptId: attempt.id, chargeId: answer.chargeId, amount: toDecimalString(attempt.amount) },
  });
  await notifyCollection(tx, input.tenantId, {
    kind: 'invoice.paid', invoiceId: input.invoiceId, invoiceNumber: invoice.invoiceNumber, amount: money(attempt.amount), currency: attempt.currency, last4: method.last4, step: input.step,
  });
  return invoice;
}

/** Every method declined at this step: tell the tenant once; the last step leaves the invoice `failed`. */
async function finishFailedStep(tx: Tx, input: CollectInvoiceInput, declineMessage: string | null, actor: Actor) {
  const found = await collectable(tx, input, actor);
  if (!found) return null;
  const { invoice, owed } = found;
  const final = isLastStep(input.step, await graceDaysOf(tx, invoice));
  const alreadyTold = await tx.notification.count({ where: { tenantId: input.tenantId, kind: 'invoice.payment_failed', data: { path: ['noticeKey'], equals: `invoice.payment_failed:${input.invoiceId}:${input.step}` } } });
  if (alreadyTold > 0 && !final) return invoice;
  if (final) {
    await tx.billingRecord.update({ where: { tenantId_id: { tenantId: input.tenantId, id: input.invoiceId } }, data: { status: 'failed' } });
    await syncBillsOfInvoice(tx, input.tenantId, input.invoiceId);
  }
  await recordAudit(tx, actor, {
    tenantId: input.tenantId, action: final ? 'invoice.collection_failed' : 'invoice.payment_failed', targetType: 'billing_record', targetId: input.invoiceId,
    before: { status: invoice.status }, after: { status: final ? 'failed' : 'open', step: input.step, owed: toDecimalString(owed), declineMessage },
  });
  await notifyCollection(tx, input.tenantId, {
    kind: 'invoice.payment_failed', invoiceId: input.invoiceId, invoiceNumber: invoice.invoiceNumber, amount: owed, currency: invoice.currency, step: input.step, final, declineMessage,
  });
  return invoice;
}
