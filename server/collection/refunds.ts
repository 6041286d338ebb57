/**
 * Refunds of a paid invoice, whole or in parts, by finance staff: each one audited, recorded, and
 * idempotent. The invoice keeps a running `refundedAmount`; it stays `paid` while partly refunded
 * and becomes `refunded` when that reaches its amount.
 *
 * Decisions (see also the README's "Collection and dunning"):
 * - **Card vs credit.** The card gets back at most what the card paid (the charge), counting the
 *   card refunds before it. Partial refunds to the card take from that card part only; the part the
 *   invoice took from credit goes back as credit with the refund that completes the invoice (no
 *   `amount`: "the whole remainder", as the full refund always did), or by an explicit refund to
 *   credit. An explicit card amount above what the card has left is 409 REFUND_EXCEEDS_CARD_CHARGE.
 * - **Idempotency.** A card refund is a payment attempt written `pending` before the provider is
 *   asked, keyed `refund:part:<idempotencyKey>` (`refund:all:<key>` for a whole remainder) (a partial refund must carry one: two identical
 *   partial refunds may both be meant, so only the caller's key tells a retry from a second refund)
 *   or, for a whole-remainder request without a key, `refund:<n>` as before (the invoice leaving
 *   `paid` makes a repeat a no-op). A keyed refund to credit is recorded as a succeeded attempt of
 *   the `credit_balance` pseudo-provider, in the grant's own transaction. A known key replays its
 *   outcome (succeeded: nothing happens; pending: the same provider key is asked again; failed: the
 *   same refusal); the same key with another destination or amount is 409 IDEMPOTENCY_KEY_REUSED.
 * - **In flight.** Pending card refunds are reserved: what remains to refund is the amount minus
 *   what is refunded minus what is pending, so concurrent refunds can never exceed the invoice.
 * - **Bills (seed 004).** A partial refund writes no CT_REFUND lines and leaves the bills alone
 *   (the invoice is still `paid`, so their BS_PAID state is right): usage lines cannot be split
 *   honestly by an amount finance chose. The refund that completes the invoice writes the CT_REFUND
 *   counterparts of everything it billed, exactly as a full refund does, so 002/004 show the whole
 *   refund once, on the day it completes, and the three sources still agree.
 */
import type { Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { now } from '../clock';
import { grantCredit } from '../credits/grant-credit';
import { prisma } from '../db';
import { badRequest, conflict } from '../errors';
import { syncBillsOfInvoice } from '../metered-billing/bill-state';
import { writeRefundLines } from '../metered-billing/refund-lines';
import { Decimal, minorUnits, money, toDecimalString, ZERO } from '../money';
import { paymentProvider } from '../payments/provider';
import type { Tx } from '../transaction';
import { BANK_TRANSFER, CREDIT_BALANCE, idempotencyKeyOf, lockedInvoice, openAttempt, recordAnswer, type Attempt, type LockedInvoice } from './attempts';
import type { InvoiceView, RefundInput } from './schema';
import { invoiceViewById } from './views';

type Parts = { toCard: Decimal; asCredit: Decimal; attempt: Attempt | null };

/** Refund a paid invoice, in full or in part, to the card through the provider or as credit. */
export async function refundInvoice(input: RefundInput, actor: Actor): Promise<InvoiceView> {
  if (input.to === 'credit') {
    await prisma.$transaction((tx) => refundToCredit(tx, input, actor));
    return invoiceViewById(prisma, input.tenantId, input.invoiceId);
  }
  const started = await prisma.$transaction((tx) => startCardRefund(tx, input, actor));
  if (!started) return invoiceViewById(prisma, input.tenantId, input.invoiceId);
  // Never under a row lock: the provider may be slow. The same attempt always asks with the same key.
  const answer = await paymentProvider(started.attempt.provider).refund({
    chargeId: started.chargeId, amount: money(started.attempt.amount), currency: started.attempt.currency, idempotencyKey: idempotencyKeyOf(started.attempt),
  });
  await prisma.$transaction(async (tx) => {
    const invoice = await lockedInvoice(tx, input.tenantId, input.invoiceId);
    // Re-read under the lock: a concurrent retry of the same request may have answered (and applied) it already.
    const attempt = await tx.paymentAttempt.findUniqueOrThrow({ where: { tenantId_id: { tenantId: input.tenantId, id: started.attempt.id } } });
    if (attempt.status !== 'pending') return;
    await recordAnswer(tx, attempt, answer);
    if (answer.status !== 'succeeded') return;
    const toCard = money(attempt.amount);
    // The whole remainder: what the card does not take goes back as credit (the part paid from credit), less any other refund still in flight.
    const pending = (await refundsOf(tx, input, attempt.id)).pending;
    const asCredit = started.wholeRemainder ? Decimal.max(ZERO, money(invoice.amount).minus(money(invoice.refundedAmount)).minus(toCard).minus(pending)) : ZERO;
    await applyRefund(tx, invoice, input, { toCard, asCredit, attempt }, actor);
  });
  if (answer.status === 'failed') throw conflict(`the payment processor refused the refund: ${answer.message}`, 'REFUND_FAILED');
  return invoiceViewById(prisma, input.tenantId, input.invoiceId);
}

/** A refund as credit, in one transaction: the grant, the running total and (with a key) its attempt row. */
async function refundToCredit(tx: Tx, input: RefundInput, actor: Actor): Promise<void> {
  const invoice = await lockedInvoice(tx, input.tenantId, input.invoiceId);
  const attemptKey = input.idempotencyKey ? keyedAttempt(input) : null;
  if (attemptKey) {
    const seen = await findKeyed(tx, input);
    // A credit attempt is written succeeded in the grant's transaction: seen means done.
    if (seen) return void checkSameRequest(seen, input);
  }
  if (noOpRepeat(invoice, input)) return;
  const requested = requestedAmount(input, invoice);
  const remaining = await remainingOf(tx, invoice, input);
  const amount = requested ?? remaining;
  if (amount.gt(remaining)) throw exceedsRemaining(remaining, invoice.currency);
  const attempt = attemptKey ? await openAttempt(tx, {
    tenantId: input.tenantId, invoiceId: input.invoiceId, attemptKey, kind: 'refund', step: null,
    paymentMethodId: null, amount, currency: invoice.currency, provider: CREDIT_BALANCE,
  }) : null;
  const credit = await applyRefund(tx, invoice, input, { toCard: ZERO, asCredit: amount, attempt }, actor);
  if (attempt) await recordAnswer(tx, attempt, { status: 'succeeded', refundId: credit?.id ?? 'none', message: 'Refunded as credit.' });
}

/**
 * Under the invoice lock: checks the request and writes the card refund attempt (pending) against
 * the charge that paid the invoice, before the provider is asked. Null when there is nothing to ask
 * the provider (a repeat, or a whole remainder the card has no part of: then it is done here).
 */
async function startCardRefund(tx: Tx, input: RefundInput, actor: Actor): Promise<{ attempt: Attempt; chargeId: string; wholeRemainder: boolean } | null> {
  const invoice = await lockedInvoice(tx, input.tenantId, input.invoiceId);
  const wholeRemainder = input.amount === undefined;
  // A refused refund may be tried again under a new key (a keyless one: the next number); a pending or succeeded one is reused.
  const attemptKey = input.idempotencyKey ? keyedAttempt(input)
    : `refund:${(await tx.paymentAttempt.count({ where: { tenantId: input.tenantId, billingRecordId: input.invoiceId, kind: 'refund', status: 'failed' } })) + 1}`;
  const seen = input.idempotencyKey ? await findKeyed(tx, input)
    : await tx.paymentAttempt.findUnique({ where: { tenantId_billingRecordId_attemptKey: { tenantId: input.tenantId, billingRecordId: input.invoiceId, attemptKey } } });
  if (seen) {
    if (input.idempotencyKey) checkSameRequest(seen, input);
    if (seen.status === 'failed') throw conflict(`the payment processor refused the refund: ${seen.declineMessage ?? ''}`, 'REFUND_FAILED');
    return seen.status === 'pending' && seen.providerChargeId ? { attempt: seen, chargeId: seen.providerChargeId, wholeRemainder } : null;
  }
  if (noOpRepeat(invoice, input)) return null;
  const requested = requestedAmount(input, invoice);
  const refunds = await refundsOf(tx, input);
  const remaining = await remainingOf(tx, invoice, input, refunds);
  if (requested?.gt(remaining)) throw exceedsRemaining(remaining, invoice.currency);
  const charge = await tx.paymentAttempt.findFirst({
    where: { tenantId: input.tenantId, billingRecordId: input.invoiceId, kind: 'charge', status: 'succeeded', provider: { not: BANK_TRANSFER }, providerChargeId: { not: null } },
    orderBy: { attemptNumber: 'desc' },
  });
  if (!charge?.providerChargeId) throw conflict('this invoice was not paid by card or wallet: refund it as credit', 'NO_CARD_CHARGE');
  const cardLeft = Decimal.max(ZERO, money(charge.amount).minus(refunds.toCard).minus(refunds.pending));
  if (requested?.gt(cardLeft)) {
    throw conflict(`at most ${toDecimalString(cardLeft)} ${invoice.currency} can go back to the card (the rest was paid from credit): refund that part as credit, or leave the amount empty to refund the whole remainder`, 'REFUND_EXCEEDS_CARD_CHARGE');
  }
  const toCard = requested ?? Decimal.min(cardLeft, remaining);
  if (toCard.isZero()) {
    // The card has had all it paid back: the rest of the invoice was paid from credit and goes back as credit.
    await applyRefund(tx, invoice, input, { toCard: ZERO, asCredit: remaining, attempt: null }, actor);
    return null;
  }
  const attempt = await openAttempt(tx, {
    tenantId: input.tenantId, invoiceId: input.invoiceId, attemptKey, kind: 'refund', step: null,
    paymentMethodId: charge.paymentMethodId, amount: toCard, currency: charge.currency, provider: charge.provider, providerChargeId: charge.providerChargeId,
  });
  return { attempt, chargeId: charge.providerChargeId, wholeRemainder };
}

/**
 * Adds one refund to the invoice's running total, in the caller's transaction: the credit part
 * granted (source `refund`), and when the total reaches the amount, `refunded` with seed 004's
 * CT_REFUND lines and the bills' states, exactly as a full refund. One audit row per refund.
 */
async function applyRefund(tx: Tx, invoice: LockedInvoice, input: RefundInput, parts: Parts, actor: Actor) {
  const before = money(invoice.refundedAmount);
  const refundedAmount = before.plus(parts.toCard).plus(parts.asCredit);
  // Every path checked the remainder under this lock; this only guards the invariant.
  if (refundedAmount.gt(money(invoice.amount))) throw exceedsRemaining(money(invoice.amount).minus(before), invoice.currency);
  const complete = invoice.status === 'paid' && refundedAmount.eq(money(invoice.amount));
  const refundedAt = complete ? now() : null;
  const where = { tenantId_id: { tenantId: input.tenantId, id: input.invoiceId } };
  await tx.billingRecord.update({ where, data: complete ? { refundedAmount, status: 'refunded', refundedAt } : { refundedAmount } });
  // A usage invoice's charge lines get their CT_REFUND counterparts (seed 004) only with the refund that completes it.
  const refundLines = complete ? await writeRefundLines(tx, input.tenantId, invoice) : { lines: 0, amount: ZERO };
  if (complete) await syncBillsOfInvoice(tx, input.tenantId, input.invoiceId);
  const label = invoice.invoiceNumber ?? invoice.id;
  const credit = parts.asCredit.gt(0)
    ? await grantCredit({ tenantId: input.tenantId, amount: toDecimalString(parts.asCredit), source: 'refund', sourceId: invoice.id, remark: `${label} ${complete ? 'refund' : 'partial refund'}: ${input.reason}` }, actor, tx)
    : null;
  await recordAudit(tx, actor, {
    tenantId: input.tenantId, action: 'invoice.refund', targetType: 'billing_record', targetId: input.invoiceId,
    before: { status: invoice.status, refundedAmount: toDecimalString(before) },
    after: {
      status: complete ? 'refunded' : invoice.status, refundedAt, refundedAmount: toDecimalString(refundedAmount), partial: !complete,
      to: input.to, reason: input.reason, amount: toDecimalString(parts.toCard.plus(parts.asCredit)), toCard: toDecimalString(parts.toCard), asCredit: toDecimalString(parts.asCredit),
      attemptId: parts.attempt?.id ?? null, idempotencyKey: input.idempotencyKey ?? null, refundLines: refundLines.lines, refundLinesAmount: toDecimalString(refundLines.amount),
    },
  });
  return credit;
}

/** A keyed attempt says whether it was for an amount (`part`) or the whole remainder (`all`): a replay must ask the same. */
const keyedAttempt = (input: RefundInput, form: 'part' | 'all' = input.amount === undefined ? 'all' : 'part') => `refund:${form}:${input.idempotencyKey ?? ''}`;

/** The attempt of this request's key, in either form (the other form is then a mismatch). */
function findKeyed(tx: Tx, input: RefundInput) {
  return tx.paymentAttempt.findFirst({
    where: { tenantId: input.tenantId, billingRecordId: input.invoiceId, attemptKey: { in: [keyedAttempt(input, 'part'), keyedAttempt(input, 'all')] } },
  });
}

/** A key names one request: the same key with another destination, form or amount is a caller's mistake, not a retry. */
function checkSameRequest(seen: Attempt, input: RefundInput): void {
  const sameTo = (seen.provider === CREDIT_BALANCE) === (input.to === 'credit');
  const sameAmount = input.amount === undefined || money(seen.amount).eq(money(input.amount));
  if (seen.kind !== 'refund' || seen.attemptKey !== keyedAttempt(input) || !sameTo || !sameAmount) {
    throw conflict('this idempotencyKey was already used for a different refund of this invoice', 'IDEMPOTENCY_KEY_REUSED');
  }
}

/** A whole-remainder request on an invoice already refunded is the repeat of the one that did it (as before partial refunds). */
function noOpRepeat(invoice: LockedInvoice, input: RefundInput): boolean {
  if (invoice.status === 'refunded') return input.amount === undefined;
  if (invoice.status !== 'paid') throw conflict(`a ${invoice.status} invoice cannot be refunded${invoice.status === 'open' || invoice.status === 'failed' ? '; void it instead' : ''}`, 'INVOICE_STATE');
  return false;
}

/** The requested amount, exact: more places than the currency's minor unit is a 400, never rounded silently. */
function requestedAmount(input: RefundInput, invoice: LockedInvoice): Decimal | null {
  if (input.amount === undefined) return null;
  const amount = money(input.amount);
  const places = minorUnits(invoice.currency);
  if (amount.decimalPlaces() > places) throw badRequest(`a ${invoice.currency} amount has at most ${places} decimal places; got ${input.amount}`, 'AMOUNT_PRECISION');
  return amount;
}

/** Card refunds of this invoice so far (succeeded) and in flight (pending), `except` one attempt; stray-charge refunds are not the invoice's. */
async function refundsOf(tx: Tx, input: RefundInput, except?: string) {
  const rows = await tx.paymentAttempt.findMany({
    where: { tenantId: input.tenantId, billingRecordId: input.invoiceId, kind: 'refund', attemptKey: { startsWith: 'refund:' }, provider: { not: CREDIT_BALANCE }, status: { in: ['pending', 'succeeded'] } },
    select: { id: true, status: true, amount: true },
  });
  const total = (status: string) => rows.filter((r) => r.status === status && r.id !== except).reduce((s, r) => s.plus(money(r.amount)), ZERO);
  return { toCard: total('succeeded'), pending: total('pending') };
}

/** What is left to refund: the amount less what is refunded and what is in flight. */
async function remainingOf(tx: Tx, invoice: LockedInvoice, input: RefundInput, refunds?: { pending: Decimal }): Promise<Decimal> {
  const pending = (refunds ?? (await refundsOf(tx, input))).pending;
  const remaining = money(invoice.amount).minus(money(invoice.refundedAmount));
  if (pending.gt(0) && remaining.minus(pending).lte(0)) throw conflict('a refund of this invoice is still with the payment processor; try again shortly', 'REFUND_IN_PROGRESS');
  return remaining.minus(pending);
}

function exceedsRemaining(remaining: Decimal, currency: string) {
  return conflict(`only ${toDecimalString(remaining)} ${currency} of this invoice is left to refund`, 'REFUND_EXCEEDS_REMAINING');
}
