import { prisma } from '../db';

const PLAN_SELECT = {
  code: true, name: true, nameZh: true, subtitle: true, subtitleZh: true, description: true, descriptionZh: true,
  planType: true, tenantType: true, rank: true, billingCycle: true, trialDays: true, gracePeriodDays: true,
  requiresManualApproval: true, billingDisabled: true, transitionMethod: true, objectLimits: true, apiLimits: true,
  prices: { select: { currency: true, price: true } },
  entitlements: { select: { resourceType: true, includedUnits: true, quotaLimit: true, sku: { select: { name: true, nameZh: true, unitName: true } } } },
  addOns: { select: { included: true, addOn: { select: { code: true, name: true, nameZh: true } } }, orderBy: { addOnCode: 'asc' } },
} as const;

function queryCatalogPlans(currency: string) {
  return prisma.plan.findMany({ where: { active: true, prices: { some: { currency } } }, select: PLAN_SELECT, orderBy: [{ rank: 'asc' }, { code: 'asc' }] });
}
export type CatalogPlan = Awaited<ReturnType<typeof queryCatalogPlans>>[number];

/**
 * The catalog is the same for every tenant and changes rarely, so each process keeps it for a
 * few seconds (the catalog read is most of a plan request's database work). Defining a plan here
 * clears it at once; another process sees the change within CATALOG_TTL_MS.
 */
const CATALOG_TTL_MS = 10_000;
const catalogCache = new Map<string, { expiresAt: number; plans: Promise<CatalogPlan[]> }>();

/** Active plans that have a price in the currency, smallest first. */
export function listCatalogPlans(currency: string): Promise<CatalogPlan[]> {
  const cached = catalogCache.get(currency);
  if (cached && cached.expiresAt > Date.now()) return cached.plans;
  const plans = queryCatalogPlans(currency);
  catalogCache.set(currency, { expiresAt: Date.now() + CATALOG_TTL_MS, plans });
  plans.catch(() => catalogCache.delete(currency));
  return plans;
}

export function invalidateCatalogCache(): void {
  catalogCache.clear();
}

/**
 * The tenant's live subscription and whether a plan transition is waiting on it. Two small queries
 * by tenant in parallel: a relation count would group every pending transition of every tenant.
 */
export async function currentPlanState(tenantId: string) {
  const [subscription, pending] = await Promise.all([
    prisma.subscription.findFirst({ where: { tenantId, endedAt: null }, orderBy: { startedAt: 'desc' }, select: { planCode: true } }),
    prisma.planTransition.findFirst({
      where: { tenantId, state: { in: ['creating', 'waiting_for_approval'] }, subscription: { endedAt: null } },
      select: { id: true },
    }),
  ]);
  return { planCode: subscription?.planCode ?? null, transitionPending: Boolean(subscription && pending) };
}
