import type { Actor } from '../audit/actor';
import type { Prisma } from '../generated/prisma/client';
import { recordAudit } from '../audit/record-audit';
import { now } from '../clock';
import { conflict } from '../errors';
import { inTransaction, type Tx } from '../transaction';
import { assertStatus, lockLiveSubscription } from './lifecycle';
import type { CancelSubscriptionInput, ResumeSubscriptionInput, SetAutoRenewInput } from './schema';

const CHANGEABLE = ['trialing', 'active', 'past_due', 'suspended'] as const;

function summary(sub: { status: string; cancelAtPeriodEnd: boolean; autoRenew: boolean; canceledAt: Date | null; currentPeriodEnd: Date }) {
  return { status: sub.status, cancelAtPeriodEnd: sub.cancelAtPeriodEnd, autoRenew: sub.autoRenew, canceledAt: sub.canceledAt, currentPeriodEnd: sub.currentPeriodEnd };
}

type LiveSubscription = Awaited<ReturnType<typeof lockLiveSubscription>>;

/**
 * The one shape of a settings change: lock the live subscription, check it may change, do nothing
 * when it already has the setting, else update it and audit before and after in the same transaction.
 */
function changeSetting(
  tenantId: string,
  actor: Actor,
  tx: Tx | undefined,
  change: { action: string; unchanged: (sub: LiveSubscription) => boolean; data: Prisma.SubscriptionUpdateInput; check?: (sub: LiveSubscription) => void },
) {
  return inTransaction(tx, async (tx) => {
    const sub = await lockLiveSubscription(tx, tenantId);
    assertStatus(sub, CHANGEABLE);
    change.check?.(sub);
    if (change.unchanged(sub)) return sub;
    const updated = await tx.subscription.update({ where: { tenantId_id: { tenantId: sub.tenantId, id: sub.id } }, data: change.data });
    await recordAudit(tx, actor, { tenantId: sub.tenantId, action: change.action, targetType: 'subscription', targetId: sub.id, before: summary(sub), after: summary(updated) });
    return updated;
  });
}

/** Cancels at the end of the current period: service continues until then, nothing more is billed. */
export function cancelSubscription(input: CancelSubscriptionInput, actor: Actor, tx?: Tx) {
  return changeSetting(input.tenantId, actor, tx, {
    action: 'subscription.cancel', unchanged: (sub) => sub.cancelAtPeriodEnd, data: { cancelAtPeriodEnd: true, canceledAt: now() },
  });
}

/** Withdraws a cancellation before the period ends: the subscription renews as before. */
export function resumeSubscription(input: ResumeSubscriptionInput, actor: Actor, tx?: Tx) {
  return changeSetting(input.tenantId, actor, tx, {
    action: 'subscription.resume', unchanged: (sub) => !sub.cancelAtPeriodEnd, data: { cancelAtPeriodEnd: false, canceledAt: null },
    check: (sub) => {
      if (sub.currentPeriodEnd <= now()) throw conflict('the period has ended', 'SUBSCRIPTION_PERIOD_ENDED');
    },
  });
}

/** Turns renewal on or off; off, the subscription expires at the period end. */
export function setAutoRenew(input: SetAutoRenewInput, actor: Actor, tx?: Tx) {
  return changeSetting(input.tenantId, actor, tx, {
    action: 'subscription.set_auto_renew', unchanged: (sub) => sub.autoRenew === input.autoRenew, data: { autoRenew: input.autoRenew },
  });
}
