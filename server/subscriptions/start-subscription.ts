import { inTransaction, type Tx } from '../transaction';
import { now } from '../clock';
import { newId } from '../ids';
import { conflict, notFound } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { addLocalDays, startOfLocalDay } from '../time/zoned';
import { issueInvoice } from '../billing/issue-invoice';
import { subscriptionInvoiceLines, planPrice } from './subscription-charges';
import { periodEnd } from './periods';
import type { StartSubscriptionInput } from './schema';

/**
 * Subscribes a tenant to a plan from today (local midnight in its billing zone). A plan with a
 * trial starts `trialing` until the trial ends; otherwise the first period is invoiced now, in the
 * same transaction (the caller's when given one).
 */
export async function startSubscription(args: StartSubscriptionInput & { tenantId: string }, actor: Actor, tx?: Tx) {
  return inTransaction(tx, async (tx) => {
    await tx.$queryRaw`SELECT id FROM tenants WHERE id = ${args.tenantId} FOR UPDATE`;
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: args.tenantId }, select: { currency: true, billingTimezone: true, locale: true } });
    const live = await tx.subscription.findFirst({ where: { tenantId: args.tenantId, endedAt: null }, select: { id: true } });
    if (live) throw conflict('the tenant already has a subscription; change its plan instead', 'SUBSCRIPTION_EXISTS');
    const plan = await tx.plan.findUnique({ where: { code: args.planCode }, select: { code: true, name: true, nameZh: true, billingCycle: true, trialDays: true, gracePeriodDays: true, active: true } });
    if (!plan?.active) throw notFound('plan', 'PLAN_NOT_FOUND');
    const price = await planPrice(tx, plan.code, tenant.currency);
    const startedAt = now();
    const start = startOfLocalDay(startedAt, tenant.billingTimezone);
    const trialEnd = plan.trialDays > 0 ? addLocalDays(start, tenant.billingTimezone, plan.trialDays) : null;
    const end = trialEnd ?? periodEnd(start, plan.billingCycle, tenant.billingTimezone, start);
    const subscription = await tx.subscription.create({
      data: {
        tenantId: args.tenantId, id: newId('sub'), planCode: plan.code, adminUserId: args.adminUserId, status: trialEnd ? 'trialing' : 'active',
        billingCycle: plan.billingCycle, currency: tenant.currency, amount: price, currentPeriodStart: start, currentPeriodEnd: end,
        trialEndDate: trialEnd, gracePeriodDays: plan.gracePeriodDays, startedAt, createdAt: startedAt,
      },
    });
    await recordAudit(tx, actor, { tenantId: args.tenantId, action: 'subscription.start', targetType: 'subscription', targetId: subscription.id, after: subscription });
    if (!trialEnd && price.gt(0)) {
      await issueInvoice({
        tenantId: args.tenantId, type: 'subscription', subscriptionId: subscription.id, periodStart: start, periodEnd: end,
        ...subscriptionInvoiceLines({ plan, cycle: plan.billingCycle, price, locale: tenant.locale, start, end }),
      }, actor, tx);
    }
    return subscription;
  });
}
