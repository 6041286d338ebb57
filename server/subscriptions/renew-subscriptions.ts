import { prisma } from '../db';
import { now } from '../clock';
import { SYSTEM_ACTOR, type Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { issueInvoice } from '../billing/issue-invoice';
import { periodEnd } from './periods';
import { planPrice, subscriptionInvoiceLines } from './subscription-charges';
import type { RenewDueSubscriptionsInput } from './schema';

/**
 * The renewal job: every subscription whose period has ended either ends (cancel at period end,
 * no auto-renew) or rolls into its next period and is invoiced at the plan's price of that day.
 * Each subscription renews in its own transaction under a row lock, so two runners never renew twice.
 */
export async function renewDueSubscriptions(input: RenewDueSubscriptionsInput = {}, actor: Actor = SYSTEM_ACTOR): Promise<number> {
  const at = input.at ?? now();
  const due = await prisma.subscription.findMany({
    where: { status: { in: ['active', 'trialing'] }, currentPeriodEnd: { lte: at }, endedAt: null },
    select: { tenantId: true, id: true },
    orderBy: { currentPeriodEnd: 'asc' },
  });
  let renewed = 0;
  for (const { tenantId, id } of due) if (await renewOne(tenantId, id, at, actor)) renewed += 1;
  return renewed;
}

async function renewOne(tenantId: string, subscriptionId: string, at: Date, actor: Actor): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM subscriptions WHERE tenant_id = ${tenantId} AND id = ${subscriptionId} FOR UPDATE`;
    const sub = await tx.subscription.findUniqueOrThrow({
      where: { tenantId_id: { tenantId, id: subscriptionId } },
      include: { plan: { select: { code: true, name: true, nameZh: true, billingCycle: true } }, tenant: { select: { billingTimezone: true, locale: true, currency: true } } },
    });
    if (sub.currentPeriodEnd > at || sub.endedAt || !['active', 'trialing'].includes(sub.status)) return false;
    if (sub.cancelAtPeriodEnd || !sub.autoRenew) {
      await tx.subscription.update({ where: { tenantId_id: { tenantId, id: subscriptionId } }, data: { status: 'canceled', endedAt: sub.currentPeriodEnd } });
      await recordAudit(tx, actor, { tenantId, action: 'subscription.end', targetType: 'subscription', targetId: subscriptionId, before: { status: sub.status }, after: { status: 'canceled' } });
      return true;
    }
    const zone = sub.tenant.billingTimezone;
    const start = sub.currentPeriodEnd;
    // Paid periods run from the trial's end when there was one: a full period for a full price.
    const end = periodEnd(start, sub.plan.billingCycle, zone, sub.trialEndDate ?? sub.startedAt);
    const price = await planPrice(tx, sub.planCode, sub.currency);
    const updated = await tx.subscription.update({
      where: { tenantId_id: { tenantId, id: subscriptionId } },
      data: { status: 'active', currentPeriodStart: start, currentPeriodEnd: end, amount: price },
    });
    await recordAudit(tx, actor, {
      tenantId, action: 'subscription.renew', targetType: 'subscription', targetId: subscriptionId,
      before: { status: sub.status, currentPeriodStart: sub.currentPeriodStart, currentPeriodEnd: sub.currentPeriodEnd },
      after: { status: updated.status, currentPeriodStart: start, currentPeriodEnd: end },
    });
    if (price.gt(0)) {
      await issueInvoice({
        tenantId, type: 'subscription', subscriptionId, periodStart: start, periodEnd: end,
        ...subscriptionInvoiceLines({ plan: sub.plan, cycle: sub.plan.billingCycle, price, locale: sub.tenant.locale, start, end }),
      }, actor, tx);
    }
    return true;
  });
}
