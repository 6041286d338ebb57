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

/** An invoice collection may still charge: open, or `failed` (dunning ran out, still owed; a retry after a payment-method change charges it). */
const OWED_STATUSES: readonly string[] = ['open', 'failed'];

/**
 * One round of charging an invoice: a dunning step (collectInvoice below) or a retry after the
 * tenant changed its payment methods (retry-owed.ts). The round names its attempts, so a re-run of
 * the same round reuses them (the same provider idempotency keys) and charges nothing twice, and it
 * says, under the invoice lock, whether the invoice is still its to charge.
 */
export type CollectionRound = {
  tenantId: string;
  invoiceId: string;
  /** The dunning step its attempts belong to; null for a retry. */
  step: number | null;
  attemptKey(method: CollectableMethod): string;
  /** Under the invoice lock, before credit is applied. */
  admits(tx: Tx, invoice: LockedInvoice): Promise<boolean>;
};
export type RoundResult = { outcome: 'paid' | 'skipped' } | { outcome: 'declined'; declineMessage: string | null };

/**
 * One dunning step of one invoice (the collection job's handler): charge the primary, and when it
 * is declined the secondary; the first success pays the invoice. A step that is not due, or an
 * invoice no longer open, is skipped.
 */
export async function collectInvoice(input: CollectInvoiceInput, actor: Actor = SYSTEM_ACTOR): Promise<CollectOutcome> {
  const round = dunningRound(input);
  const result = await chargeRound(round, actor);
  if (result.outcome !== 'declined') return result.outcome;
  const finished = await prisma.$transaction((tx) => finishFailedStep(tx, round, input, result.declineMessage, actor));
  if (!finished) return 'skipped';
  await afterStepFailed(input.tenantId, finished.subscriptionId, actor);
  return 'failed';
}

function dunningRound(input: CollectInvoiceInput): CollectionRound {
  return {
    tenantId: input.tenantId, invoiceId: input.invoiceId, step: input.step,
    attemptKey: (method) => `step:${input.step}:${method.id}`,
    admits: async (tx, invoice) => {
      if (invoice.status !== 'open' || !invoice.finalizedAt) return false;
      const due = stepDueAt(invoice.finalizedAt, input.step, await graceDaysOf(tx, invoice));
      return due !== null && due <= now();
    },
  };
}

/**
 * Charges the tenant's collectable methods in turn (primary, then secondary) until one pays. Every
 * attempt is recorded before the provider is called and then given its answer, each in its own
 * short transaction under the invoice lock (the provider is never called while a lock is held).
 * A success pays the invoice, tells the tenant and lets its subscription be reviewed.
 */
export async function chargeRound(round: CollectionRound, actor: Actor): Promise<RoundResult> {
  const methods = await collectableMethods(round.tenantId);
  let lastDecline: string | null = null;
  for (const method of methods) {
    const prepared = await prisma.$transaction((tx) => prepareAttempt(tx, round, method, actor));
    if (!prepared) return { outcome: 'skipped' };
    const answer = answerOf(prepared) ?? await charge(prepared, method);
    const applied = await prisma.$transaction((tx) => applyAnswer(tx, round, prepared, method, answer, actor));
    if (applied === 'stray') {
      if (answer.status === 'succeeded') await refundStrayCharge(prepared, answer.chargeId, actor);
      return { outcome: 'skipped' };
    }
    if (applied) {
      await afterInvoicePaid(round.tenantId, applied.subscriptionId, actor);
      return { outcome: 'paid' };
    }
    if (answer.status === 'failed') lastDecline = answer.message;
  }
  return { outcome: 'declined', declineMessage: lastDecline };
}

async function graceDaysOf(tx: Tx, invoice: LockedInvoice): Promise<number> {
  if (!invoice.subscriptionId) return DEFAULT_GRACE_DAYS;
  const sub = await tx.subscription.findUnique({ where: { tenantId_id: { tenantId: invoice.tenantId, id: invoice.subscriptionId } }, select: { gracePeriodDays: true } });
  return sub?.gracePeriodDays ?? DEFAULT_GRACE_DAYS;
}

/** The invoice is still the round's to charge: owed, finalized, admitted by the round, something owed after credit. */
export async function collectable(tx: Tx, round: CollectionRound, actor: Actor) {
  const invoice = await lockInvoice(tx, round.tenantId, round.invoiceId);
  if (!invoice || !OWED_STATUSES.includes(invoice.status) || !invoice.finalizedAt || !(await round.admits(tx, invoice))) return null;
  // Credit first: only what the balance does not cover is charged.
  const settled = await settleFromCredit({ tenantId: round.tenantId, recordId: round.invoiceId }, actor, tx);
  if (!OWED_STATUSES.includes(settled.status)) return null;
  const owed = money(settled.amount).minus(money(settled.creditAppliedAmount));
  return owed.gt(0) ? { invoice, owed } : null;
}

/** A charge of another round still waiting for the provider's answer, within a collection job's lifetime (older ones were cut short). */
const IN_FLIGHT_MS = 15 * 60_000;

async function prepareAttempt(tx: Tx, round: CollectionRound, method: CollectableMethod, actor: Actor): Promise<Attempt | null> {
  const found = await collectable(tx, round, actor);
  if (!found) return null;
  const attemptKey = round.attemptKey(method);
  // One charge in flight per invoice: a dunning step and a retry running at once must not both
  // charge (two different idempotency keys would be two real charges). The later one steps aside;
  // the sweeps find what it left (a dunning step with no attempt runs again).
  const inFlight = await tx.paymentAttempt.findFirst({
    where: { tenantId: round.tenantId, billingRecordId: round.invoiceId, kind: 'charge', status: 'pending', attemptKey: { not: attemptKey }, createdAt: { gt: new Date(now().getTime() - IN_FLIGHT_MS) } },
    select: { id: true },
  });
  if (inFlight) return null;
  return openAttempt(tx, {
    tenantId: round.tenantId, invoiceId: round.invoiceId, attemptKey, kind: 'charge', step: round.step,
    paymentMethodId: method.id, amount: found.owed, currency: found.invoice.currency, provider: method.provider,
  });
}

function charge(attempt: Attempt, method: CollectableMethod): Promise<ChargeResult> {
  return paymentProvider(method.provider).charge({
    token: method.providerToken, amount: money(attempt.amount), currency: attempt.currency,
    idempotencyKey: idempotencyKeyOf(attempt), description: `invoice ${attempt.billingRecordId}`,
  });
}

/** Records the answer; a success pays the invoice (if it is still owed) and tells the tenant; `stray` when it is no longer owed. */
async function applyAnswer(tx: Tx, round: CollectionRound, attempt: Attempt, method: CollectableMethod, answer: ChargeResult, actor: Actor) {
  const invoice = await lockInvoice(tx, round.tenantId, round.invoiceId);
  if (attempt.status === 'pending') await recordAnswer(tx, attempt, answer);
  if (answer.status !== 'succeeded' || !invoice) return null;
  if (!OWED_STATUSES.includes(invoice.status)) {
    // Paid by this very charge (another run of the round got there first) is fine; anything else is a charge nobody owes.
    const paidByThis = invoice.status === 'paid' && invoice.paymentMethodId === method.id;
    return paidByThis ? null : 'stray';
  }
  const paidAt = now();
  await tx.billingRecord.update({ where: { tenantId_id: { tenantId: round.tenantId, id: round.invoiceId } }, data: { status: 'paid', paidAt, paymentMethodId: method.id } });
  await syncBillsOfInvoice(tx, round.tenantId, round.invoiceId);
  await recordAudit(tx, actor, {
    tenantId: round.tenantId, action: 'invoice.pay', targetType: 'billing_record', targetId: round.invoiceId,
    before: { status: invoice.status },
    after: {
      status: 'paid', paidAt, paymentMethodId: method.id, attemptId: attempt.id, attemptKey: attempt.attemptKey, chargeId: answer.chargeId, amount: toDecimalString(attempt.amount),
    },
  });
  await notifyCollection(tx, round.tenantId, {
    kind: 'invoice.paid', invoiceId: round.invoiceId, invoiceNumber: invoice.invoiceNumber, amount: money(attempt.amount), currency: attempt.currency, last4: method.last4, step: round.step,
  });
  return invoice;
}

/** Every method declined at this step: tell the tenant once; the last step leaves the invoice `failed`. */
async function finishFailedStep(tx: Tx, round: CollectionRound, input: CollectInvoiceInput, declineMessage: string | null, actor: Actor) {
  const found = await collectable(tx, round, actor);
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
