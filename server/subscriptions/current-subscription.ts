import { prisma } from '../db';
import { toDecimalString } from '../money';
import { graceEnd, UNPAID_STATUSES, unpaidInvoices } from './lifecycle';
import type { CurrentSubscription, SubscriptionSettings } from './schema';

const planName = { select: { code: true, name: true, nameZh: true } } as const;

/** The tenant's live subscription with its add-ons, grace end and scheduled plan change. */
export async function getCurrentSubscription(tenantId: string): Promise<CurrentSubscription> {
  const sub = await prisma.subscription.findFirst({
    where: { tenantId, endedAt: null },
    orderBy: { startedAt: 'desc' },
    include: {
      plan: planName,
      tenant: { select: { billingTimezone: true } },
      addOns: { where: { endedAt: null }, orderBy: { startedAt: 'asc' }, include: { addOn: planName } },
    },
  });
  if (!sub) return { subscription: null };
  const [unpaid, change] = await Promise.all([
    UNPAID_STATUSES.includes(sub.status) ? unpaidInvoices(prisma, tenantId, sub.id) : Promise.resolve([]),
    prisma.planTransition.findFirst({
      where: { tenantId, subscriptionId: sub.id, appliedAt: null, state: { in: ['creating', 'waiting_for_approval'] } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, toPlanCode: true, direction: true, state: true, effectiveAt: true },
    }),
  ]);
  const toPlan = change && await prisma.plan.findUnique({ where: { code: change.toPlanCode }, ...planName });
  return {
    subscription: {
      id: sub.id, status: sub.status, plan: sub.plan, billingCycle: sub.billingCycle, amount: toDecimalString(sub.amount), currency: sub.currency,
      currentPeriodStart: sub.currentPeriodStart, currentPeriodEnd: sub.currentPeriodEnd, trialEndDate: sub.trialEndDate,
      gracePeriodDays: sub.gracePeriodDays, graceEndsAt: graceEnd(unpaid[0], sub.gracePeriodDays, sub.tenant.billingTimezone),
      cancelAtPeriodEnd: sub.cancelAtPeriodEnd, canceledAt: sub.canceledAt, autoRenew: sub.autoRenew, startedAt: sub.startedAt,
      addOns: sub.addOns.map((a) => ({ code: a.addOn.code, name: a.addOn.name, nameZh: a.addOn.nameZh, status: a.status, startedAt: a.startedAt })),
      scheduledChange: change && toPlan ? { id: change.id, toPlan, direction: change.direction, state: change.state, effectiveAt: change.effectiveAt } : null,
    },
  };
}

export function settingsOf(sub: SubscriptionSettings & Record<string, unknown>): SubscriptionSettings {
  return { id: sub.id, status: sub.status, cancelAtPeriodEnd: sub.cancelAtPeriodEnd, canceledAt: sub.canceledAt, autoRenew: sub.autoRenew, currentPeriodEnd: sub.currentPeriodEnd };
}
