/**
 * The subscription lifecycle's shared rules:
 *   trialing → active (trial end bills the first paid period)
 *   active → past_due (a renewal invoice left open: invoices settle from credit only)
 *   past_due → suspended (grace_period_days after the oldest unpaid period began) → expired at period end
 *   past_due / suspended → active (every subscription invoice paid)
 *   any live status → canceled (cancel at period end) or expired (auto_renew off) at the period end
 */
import type { Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { conflict, notFound } from '../errors';
import type { SubscriptionStatus } from '../generated/prisma/enums';
import { addLocalDays } from '../time/zoned';
import type { Tx } from '../transaction';

/** Statuses whose period end the renewal job acts on. */
export const PERIOD_END_STATUSES: readonly SubscriptionStatus[] = ['trialing', 'active', 'past_due', 'suspended'];
/** Invoice statuses still owed: open (being collected) and failed (dunning exhausted). */
export const UNPAID_INVOICE_STATUSES = ['open', 'failed'] as const;
/** Statuses with an unpaid subscription invoice. */
export const UNPAID_STATUSES: readonly SubscriptionStatus[] = ['past_due', 'suspended'];

/** The tenant's live subscription, row-locked for the rest of the transaction; 404 when it has none. */
export async function lockLiveSubscription(tx: Tx, tenantId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM subscriptions WHERE tenant_id = ${tenantId} AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1 FOR UPDATE`;
  if (!row) throw notFound('subscription', 'SUBSCRIPTION_NOT_FOUND');
  return lockedSubscription(tx, tenantId, row.id);
}

/** Locks one subscription row (FOR UPDATE) and reads it with its tenant's billing zone. */
export async function lockSubscription(tx: Tx, tenantId: string, subscriptionId: string) {
  await tx.$queryRaw`SELECT id FROM subscriptions WHERE tenant_id = ${tenantId} AND id = ${subscriptionId} FOR UPDATE`;
  return lockedSubscription(tx, tenantId, subscriptionId);
}

function lockedSubscription(tx: Tx, tenantId: string, subscriptionId: string) {
  return tx.subscription.findUniqueOrThrow({
    where: { tenantId_id: { tenantId, id: subscriptionId } },
    include: { tenant: { select: { billingTimezone: true } } },
  });
}

/** Refuses a change to a subscription that has ended or is not in one of `allowed`. */
export function assertStatus(sub: { status: SubscriptionStatus; endedAt: Date | null }, allowed: readonly SubscriptionStatus[]) {
  if (sub.endedAt || !allowed.includes(sub.status)) throw conflict(`the subscription is ${sub.status}`, 'SUBSCRIPTION_STATE');
}

/**
 * Unpaid subscription invoices of one subscription, oldest period first: open ones, and `failed`
 * ones (collection's dunning schedule ran out; still owed).
 */
export function unpaidInvoices(db: Pick<Tx, 'billingRecord'>, tenantId: string, subscriptionId: string) {
  return db.billingRecord.findMany({
    where: { tenantId, subscriptionId, type: 'subscription', status: { in: [...UNPAID_INVOICE_STATUSES] } },
    orderBy: [{ periodStart: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, periodStart: true, createdAt: true },
  });
}

/**
 * When grace ends: `grace_period_days` (local days in the billing zone) after the start of the
 * oldest unpaid period. Null when nothing is unpaid.
 */
export function graceEnd(oldestUnpaid: { periodStart: Date | null; createdAt: Date } | undefined, gracePeriodDays: number, timeZone: string): Date | null {
  if (!oldestUnpaid) return null;
  return addLocalDays(oldestUnpaid.periodStart ?? oldestUnpaid.createdAt, timeZone, gracePeriodDays);
}

/** After a renewal: an open subscription invoice makes the subscription past_due (a suspended one stays suspended). */
export async function markPastDueIfUnpaid(tx: Tx, actor: Actor, { tenantId, subscriptionId }: { tenantId: string; subscriptionId: string }) {
  const sub = await tx.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: subscriptionId } }, select: { status: true } });
  const unpaid = await unpaidInvoices(tx, tenantId, subscriptionId);
  if (unpaid.length === 0 || sub.status === 'past_due' || sub.status === 'suspended') return;
  await tx.subscription.update({ where: { tenantId_id: { tenantId, id: subscriptionId } }, data: { status: 'past_due' } });
  await recordAudit(tx, actor, {
    tenantId, action: 'subscription.past_due', targetType: 'subscription', targetId: subscriptionId,
    before: { status: sub.status }, after: { status: 'past_due', unpaidInvoices: unpaid.map((r) => r.id) },
  });
}
