import type { Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { prisma } from '../db';
import { Prisma } from '../generated/prisma/client';
import { toDecimalString } from '../money';
import type { Tx } from '../transaction';
import type { LockedInvoice } from './attempts';
import { chargeRound, collectable, type CollectionRound } from './collect-invoice';
import { collectableMethods } from './methods';
import { notifyCollection } from './notify';

/**
 * Owed invoices are collected again when the tenant fixes its payment methods, as Stripe retries an
 * unpaid invoice when the customer adds or changes a payment method. The trigger is a method
 * collection can charge (card or wallet, not a bank transfer, not expired) that became PRIMARY or
 * SECONDARY — added with that role, promoted, or swapped — named by the method and the time of that
 * change: its `updated_at`, which only a role change, an addition and a removal write. Every owed
 * invoice of the tenant (`failed`, or `open` after a declined charge) whose latest charge came
 * before the change is charged once more through the collection code (primary, then secondary),
 * with attempts keyed `retry:<method>:<change, epoch ms>:<charged method>`: a re-run after a crash
 * reuses them (the same provider idempotency keys), so nothing is charged twice. An invoice charged
 * at or after the change was already tried with the new methods (a dunning step, or the retry of a
 * simultaneous change such as the other half of a swap) and is left alone.
 */
export type RetryTrigger = { tenantId: string; paymentMethodId: string; since: Date };
export type RetryTarget = { trigger: RetryTrigger; invoiceIds: string[] };
export type RetryOutcome = { invoiceId: string; outcome: 'paid' | 'declined' | 'skipped' };

const OWED = ['open', 'failed'];

export const triggerId = (trigger: RetryTrigger) => `${trigger.paymentMethodId}:${trigger.since.getTime()}`;
const keyPrefix = (trigger: RetryTrigger) => `retry:${triggerId(trigger)}:`;

/**
 * The (trigger, owed invoice) pairs still to retry, triggers oldest first. A pair is done once one of
 * its attempts has an answer; one still pending was cut short and is found again (as due-collections
 * does for a dunning step). The SQL mirrors `admitsRetry`, which decides again under the invoice lock.
 */
export async function findRetryTargets(at: Date, tenantIds?: readonly string[], limit = 500): Promise<RetryTarget[]> {
  const inTenants = tenantIds ? Prisma.sql`AND m.tenant_id = ANY(${[...tenantIds]}::text[])` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ tenant_id: string; method_id: string; since: Date; invoice_id: string }[]>`
    WITH triggers AS (
      SELECT m.tenant_id, m.id, m.updated_at, 'retry:' || m.id || ':' || (extract(epoch FROM m.updated_at) * 1000)::bigint::text || ':' AS prefix
      FROM payment_methods m
      WHERE m.status = 'active' AND m.role IN ('primary', 'secondary') AND m.kind <> 'bank' AND m.updated_at <= ${at} ${inTenants}
    )
    SELECT t.tenant_id, t.id AS method_id, t.updated_at AS since, r.id AS invoice_id
    FROM triggers t
    JOIN billing_records r ON r.tenant_id = t.tenant_id
    WHERE r.status IN ('open', 'failed') AND r.finalized_at IS NOT NULL AND r.amount > r.credit_applied_amount
      AND (r.status = 'failed' OR EXISTS (
        SELECT 1 FROM payment_attempts a WHERE a.tenant_id = r.tenant_id AND a.billing_record_id = r.id AND a.kind = 'charge' AND a.status = 'failed'))
      AND NOT EXISTS (
        SELECT 1 FROM payment_attempts a WHERE a.tenant_id = r.tenant_id AND a.billing_record_id = r.id AND a.kind = 'charge'
          AND a.created_at >= t.updated_at AND NOT starts_with(a.attempt_key, t.prefix))
      AND (NOT EXISTS (
        SELECT 1 FROM payment_attempts a WHERE a.tenant_id = r.tenant_id AND a.billing_record_id = r.id AND starts_with(a.attempt_key, t.prefix) AND a.status <> 'pending')
        OR EXISTS (
        SELECT 1 FROM payment_attempts a WHERE a.tenant_id = r.tenant_id AND a.billing_record_id = r.id AND starts_with(a.attempt_key, t.prefix) AND a.status = 'pending'))
    ORDER BY t.updated_at, t.id, r.id
    LIMIT ${limit}`;
  const targets = new Map<string, RetryTarget>();
  // The SQL's filter is coarse; the payment-methods domain has the last word (an expired card is not chargeable).
  const chargeable = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!chargeable.has(row.tenant_id)) chargeable.set(row.tenant_id, new Set((await collectableMethods(row.tenant_id)).map((m) => m.id)));
    if (!chargeable.get(row.tenant_id)!.has(row.method_id)) continue;
    const trigger = { tenantId: row.tenant_id, paymentMethodId: row.method_id, since: row.since };
    const key = `${row.tenant_id}|${triggerId(trigger)}`;
    const target = targets.get(key) ?? { trigger, invoiceIds: [] };
    target.invoiceIds.push(row.invoice_id);
    targets.set(key, target);
  }
  return [...targets.values()];
}

/** Under the invoice lock: still owed, and not charged since the change except by this retry. */
async function admitsRetry(tx: Tx, trigger: RetryTrigger, invoice: LockedInvoice): Promise<boolean> {
  if (!OWED.includes(invoice.status)) return false;
  const attempts = await tx.paymentAttempt.findMany({
    where: { tenantId: trigger.tenantId, billingRecordId: invoice.id, kind: 'charge' }, select: { attemptKey: true, status: true, createdAt: true },
  });
  const others = attempts.filter((a) => !a.attemptKey.startsWith(keyPrefix(trigger)));
  if (others.some((a) => a.createdAt >= trigger.since)) return false;
  return invoice.status === 'failed' || others.some((a) => a.status === 'failed');
}

function retryRound(trigger: RetryTrigger, invoiceId: string): CollectionRound {
  return {
    tenantId: trigger.tenantId, invoiceId, step: null,
    attemptKey: (method) => `${keyPrefix(trigger)}${method.id}`,
    admits: (tx, invoice) => admitsRetry(tx, trigger, invoice),
  };
}

/** One owed invoice, retried for one trigger. A success pays it as any collection does (audit, notice, subscription review). */
export async function retryInvoice(trigger: RetryTrigger, invoiceId: string, actor: Actor): Promise<RetryOutcome> {
  const round = retryRound(trigger, invoiceId);
  const result = await chargeRound(round, actor);
  if (result.outcome !== 'declined') return { invoiceId, outcome: result.outcome };
  const told = await prisma.$transaction((tx) => finishDeclinedRetry(tx, round, trigger, result.declineMessage, actor));
  return { invoiceId, outcome: told ? 'declined' : 'skipped' };
}

/** Every method declined the retry too: the invoice stays as it was (failed stays failed); audited and told once. */
async function finishDeclinedRetry(tx: Tx, round: CollectionRound, trigger: RetryTrigger, declineMessage: string | null, actor: Actor) {
  const found = await collectable(tx, round, actor);
  if (!found) return null;
  const { invoice, owed } = found;
  // Nothing was charged (no method left to charge): nothing to report.
  const attempts = await tx.paymentAttempt.count({ where: { tenantId: trigger.tenantId, billingRecordId: invoice.id, attemptKey: { startsWith: keyPrefix(trigger) } } });
  const noticeKey = `invoice.payment_failed:${invoice.id}:retry:${triggerId(trigger)}`;
  const told = await tx.notification.count({ where: { tenantId: trigger.tenantId, kind: 'invoice.payment_failed', data: { path: ['noticeKey'], equals: noticeKey } } });
  if (attempts === 0 || told > 0) return null;
  await recordAudit(tx, actor, {
    tenantId: trigger.tenantId, action: 'invoice.payment_failed', targetType: 'billing_record', targetId: invoice.id,
    before: { status: invoice.status },
    after: { status: invoice.status, retry: { paymentMethodId: trigger.paymentMethodId, changedAt: trigger.since }, owed: toDecimalString(owed), declineMessage },
  });
  await notifyCollection(tx, trigger.tenantId, {
    kind: 'invoice.payment_failed', retry: triggerId(trigger), invoiceId: invoice.id, invoiceNumber: invoice.invoiceNumber, amount: owed, currency: invoice.currency,
    stillFailed: invoice.status === 'failed', declineMessage,
  });
  return invoice;
}

/**
 * The retry job's handler: every trigger of the tenant with owed invoices to retry, oldest first,
 * each invoice in turn. Safe beside the dunning sweep: each charge is decided under the invoice
 * lock, and collection keeps one charge in flight per invoice.
 */
export async function retryOwedInvoices(input: { tenantId: string; at: Date }, actor: Actor): Promise<RetryOutcome[]> {
  const outcomes: RetryOutcome[] = [];
  for (const { trigger, invoiceIds } of await findRetryTargets(input.at, [input.tenantId])) {
    for (const invoiceId of invoiceIds) outcomes.push(await retryInvoice(trigger, invoiceId, actor));
  }
  return outcomes;
}
