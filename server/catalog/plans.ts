import { prisma } from '../db';

const PLAN_SELECT = {
  code: true, name: true, nameZh: true, subtitle: true, subtitleZh: true, description: true, descriptionZh: true,
  planType: true, tenantType: true, rank: true, billingCycle: true, trialDays: true, gracePeriodDays: true,
  requiresManualApproval: true, billingDisabled: true, transitionMethod: true, objectLimits: true, apiLimits: true,
  prices: { select: { currency: true, price: true } },
  entitlements: { select: { resourceType: true, includedUnits: true, quotaLimit: true, sku: { select: { name: true, nameZh: true, unitName: true } } } },
  addOns: { select: { included: true, addOn: { select: { code: true, name: true, nameZh: true } } }, orderBy: { addOnCode: 'asc' } },
} as const;

/** Active plans that have a price in the currency, smallest first. */
export async function listCatalogPlans(currency: string) {
  return prisma.plan.findMany({ where: { active: true, prices: { some: { currency } } }, select: PLAN_SELECT, orderBy: [{ rank: 'asc' }, { code: 'asc' }] });
}
export type CatalogPlan = Awaited<ReturnType<typeof listCatalogPlans>>[number];

/** The tenant's live subscription and whether a plan transition is waiting on it. */
export async function currentPlanState(tenantId: string) {
  const subscription = await prisma.subscription.findFirst({
    where: { tenantId, endedAt: null },
    orderBy: { startedAt: 'desc' },
    select: { id: true, planCode: true },
  });
  if (!subscription) return { planCode: null, transitionPending: false };
  const pending = await prisma.planTransition.count({
    where: { tenantId, subscriptionId: subscription.id, state: { in: ['creating', 'waiting_for_approval'] } },
  });
  return { planCode: subscription.planCode, transitionPending: pending > 0 };
}
