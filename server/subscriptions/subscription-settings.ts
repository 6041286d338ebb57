import type { Actor } from '../audit/actor';
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

/** Cancels at the end of the current period: service continues until then, nothing more is billed. */
export function cancelSubscription(input: CancelSubscriptionInput, actor: Actor, tx?: Tx) {
  return inTransaction(tx, async (tx) => {
    const sub = await lockLiveSubscription(tx, input.tenantId);
    assertStatus(sub, CHANGEABLE);
    if (sub.cancelAtPeriodEnd) return sub;
    const updated = await tx.subscription.update({ where: { tenantId_id: { tenantId: sub.tenantId, id: sub.id } }, data: { cancelAtPeriodEnd: true, canceledAt: now() } });
    await recordAudit(tx, actor, { tenantId: sub.tenantId, action: 'subscription.cancel', targetType: 'subscription', targetId: sub.id, before: summary(sub), after: summary(updated) });
    return updated;
  });
}

/** Withdraws a cancellation before the period ends: the subscription renews as before. */
export function resumeSubscription(input: ResumeSubscriptionInput, actor: Actor, tx?: Tx) {
  return inTransaction(tx, async (tx) => {
    const sub = await lockLiveSubscription(tx, input.tenantId);
    assertStatus(sub, CHANGEABLE);
    if (sub.currentPeriodEnd <= now()) throw conflict('the period has ended', 'SUBSCRIPTION_PERIOD_ENDED');
    if (!sub.cancelAtPeriodEnd) return sub;
    const updated = await tx.subscription.update({ where: { tenantId_id: { tenantId: sub.tenantId, id: sub.id } }, data: { cancelAtPeriodEnd: false, canceledAt: null } });
    await recordAudit(tx, actor, { tenantId: sub.tenantId, action: 'subscription.resume', targetType: 'subscription', targetId: sub.id, before: summary(sub), after: summary(updated) });
    return updated;
  });
}

/** Turns renewal on or off; off, the subscription expires at the period end. */
export function setAutoRenew(input: SetAutoRenewInput, actor: Actor, tx?: Tx) {
  return inTransaction(tx, async (tx) => {
    const sub = await lockLiveSubscription(tx, input.tenantId);
    assertStatus(sub, CHANGEABLE);
    if (sub.autoRenew === input.autoRenew) return sub;
    const updated = await tx.subscription.update({ where: { tenantId_id: { tenantId: sub.tenantId, id: sub.id } }, data: { autoRenew: input.autoRenew } });
    await recordAudit(tx, actor, { tenantId: sub.tenantId, action: 'subscription.set_auto_renew', targetType: 'subscription', targetId: sub.id, before: summary(sub), after: summary(updated) });
    return updated;
  });
}
