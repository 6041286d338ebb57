import type { Actor } from '../audit/actor';
import { prisma } from '../db';
import { lockSubscription, markPastDueIfUnpaid, UNPAID_STATUSES } from '../subscriptions/lifecycle';
import { reviewPastDue } from '../subscriptions/review-past-due';

/**
 * What a collection outcome does to the subscription, through the subscriptions lifecycle and in its
 * own transaction after the invoice's (subscription lock after invoice lock would invert the
 * renewal's order): a paid invoice lets a past_due or suspended subscription be reviewed (all paid →
 * active again); a failed step makes a live subscription past_due, and grace then runs as for any
 * unpaid renewal (the subscription-past-due job suspends it when grace ends).
 */
export async function afterInvoicePaid(tenantId: string, subscriptionId: string | null, actor: Actor): Promise<void> {
  if (!subscriptionId) return;
  const sub = await prisma.subscription.findUnique({ where: { tenantId_id: { tenantId, id: subscriptionId } }, select: { status: true, endedAt: true } });
  if (!sub || sub.endedAt || !UNPAID_STATUSES.includes(sub.status)) return;
  await reviewPastDue({ tenantId, subscriptionId }, actor);
}

export async function afterStepFailed(tenantId: string, subscriptionId: string | null, actor: Actor): Promise<void> {
  if (!subscriptionId) return;
  await prisma.$transaction(async (tx) => {
    const sub = await lockSubscription(tx, tenantId, subscriptionId);
    if (sub.endedAt || !['active', 'trialing'].includes(sub.status)) return;
    await markPastDueIfUnpaid(tx, actor, { tenantId, subscriptionId });
  });
}
