import { prisma } from '../db';
import { now } from '../clock';
import { inTransaction, type Tx } from '../transaction';
import { SYSTEM_ACTOR, type Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { issueInvoice } from '../billing/issue-invoice';
import { periodEnd } from './periods';
import { planPrice, subscriptionInvoiceLines } from './subscription-charges';
import { markPastDueIfUnpaid, PERIOD_END_STATUSES } from './lifecycle';
import { applyDueScheduledTransition } from '../transitions/apply';
import { cyclePrice } from '../transitions/context';
import { addOnRenewalLines } from '../addons/add-ons';
import type { RenewDueSubscriptionsInput, RenewSubscriptionInput } from './schema';
import { hasCollectableMethod } from '../collection/methods';

/**
 * The renewal job: every subscription whose period has ended either ends (cancel at period end,
 * no auto-renew) or rolls into its next period and is invoiced at the plan's price of that day.
 * Each subscription renews in its own transaction under a row lock, so two runners never renew twice.
 */
export async function renewDueSubscriptions(input: RenewDueSubscriptionsInput = {}, actor: Actor = SYSTEM_ACTOR): Promise<number> {
  const at = input.at ?? now();
  const due = await prisma.subscription.findMany({
    where: { status: { in: [...PERIOD_END_STATUSES] }, currentPeriodEnd: { lte: at }, endedAt: null, ...(input.tenantIds ? { tenantId: { in: input.tenantIds } } : {}) },
    select: { tenantId: true, id: true },
    orderBy: { currentPeriodEnd: 'asc' },
  });
  let renewed = 0;
  for (const { tenantId, id } of due) if (await renewSubscription({ tenantId, subscriptionId: id, at }, actor)) renewed += 1;
  return renewed;
}

/**
 * One subscription's period end (the renewal job's handler): trial end, renewal, cancel at period
 * end, expiry without auto-renew. Re-checks the state under a row lock, so a second run for the same
 * period (or a run after a crash that rolled the first back) does nothing or the whole thing once.
 * With `periodEnd` it acts only on that period. Returns whether it changed anything.
 */
export async function renewSubscription(input: RenewSubscriptionInput, actor: Actor = SYSTEM_ACTOR, tx?: Tx): Promise<boolean> {
  const { tenantId, subscriptionId } = input;
  const at = input.at ?? now();
  return inTransaction(tx, async (tx) => {
    await tx.$queryRaw`SELECT id FROM subscriptions WHERE tenant_id = ${tenantId} AND id = ${subscriptionId} FOR UPDATE`;
    const sub = await tx.subscription.findUniqueOrThrow({
      where: { tenantId_id: { tenantId, id: subscriptionId } },
      include: { plan: { select: { code: true, name: true, nameZh: true, billingCycle: true, version: true } }, tenant: { select: { billingTimezone: true, locale: true, currency: true } } },
    });
    if (sub.currentPeriodEnd > at || sub.endedAt || !PERIOD_END_STATUSES.includes(sub.status)) return false;
    if (input.periodEnd && sub.currentPeriodEnd.getTime() !== input.periodEnd.getTime()) return false;
    // A plan change scheduled for this period's end switches the plan first; the renewal then runs on the new plan.
    if (await applyDueScheduledTransition(tx, tenantId, subscriptionId, sub.currentPeriodEnd, actor)) return renewSubscription(input, actor, tx);
    // Canceled at period end → canceled; no auto-renew, or suspended for an unpaid invoice → expired.
    const ending = sub.cancelAtPeriodEnd ? 'canceled' : !sub.autoRenew || sub.status === 'suspended' ? 'expired' : null;
    if (ending) {
      await tx.subscription.update({ where: { tenantId_id: { tenantId, id: subscriptionId } }, data: { status: ending, endedAt: sub.currentPeriodEnd } });
      await recordAudit(tx, actor, { tenantId, action: 'subscription.end', targetType: 'subscription', targetId: subscriptionId, before: { status: sub.status }, after: { status: ending, endedAt: sub.currentPeriodEnd } });
      return true;
    }
    const zone = sub.tenant.billingTimezone;
    const start = sub.currentPeriodEnd;
    // Paid periods run from the trial's end when there was one (or from the day a change of cycle moved the anchor).
    const cycle = sub.billingCycle;
    const end = periodEnd(start, cycle, zone, sub.billingAnchorAt ?? sub.trialEndDate ?? sub.startedAt);
    const price = cycle === sub.plan.billingCycle ? await planPrice(tx, sub.planCode, sub.currency) : await cyclePrice(tx, sub.planCode, sub.currency, cycle);
    const updated = await tx.subscription.update({
      where: { tenantId_id: { tenantId, id: subscriptionId } },
      // A new period is bought at the plan's current price and version (subscribers keep theirs until now).
      data: { status: 'active', currentPeriodStart: start, currentPeriodEnd: end, amount: price, planVersion: sub.plan.version },
    });
    await recordAudit(tx, actor, {
      tenantId, action: 'subscription.renew', targetType: 'subscription', targetId: subscriptionId,
      before: { status: sub.status, currentPeriodStart: sub.currentPeriodStart, currentPeriodEnd: sub.currentPeriodEnd },
      after: { status: updated.status, currentPeriodStart: start, currentPeriodEnd: end },
    });
    // One invoice for the period: the plan, then each add-on the (possibly new) plan still offers.
    const planLines = subscriptionInvoiceLines({ plan: sub.plan, cycle, price, locale: sub.tenant.locale, start, end });
    const addOnLines = await addOnRenewalLines(tx, { tenantId, subscriptionId, currency: sub.currency, locale: sub.tenant.locale, start, end, planCode: sub.planCode }, actor);
    const lines = [...(price.gt(0) ? planLines.lines : []), ...addOnLines];
    if (lines.length > 0) {
      await issueInvoice({ tenantId, type: 'subscription', subscriptionId, periodStart: start, periodEnd: end, description: planLines.description, lines }, actor, tx);
    }
    // With a payment method on file the open invoice waits for collection (its first failed step makes the
    // subscription past_due); without one nothing will pay it but credit: unpaid now, and the grace period starts.
    if (!(await hasCollectableMethod(tenantId, tx))) await markPastDueIfUnpaid(tx, actor, { tenantId, subscriptionId });
    return true;
  });
}
