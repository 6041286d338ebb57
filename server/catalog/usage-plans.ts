import type { TenantScope } from '../tenants/tenant-access';
import { currentPlanState, listCatalogPlans } from './plans';
import { f5LocaleOf, localizePlans } from './f5-plans';
import type { LocalizedPlan } from './schema';

/** `usage_plans/current`: the caller's own plan only, in the caller's locale (empty when unsubscribed). */
export async function getCurrentUsagePlan(scope: TenantScope): Promise<LocalizedPlan> {
  const [plans, state] = await Promise.all([listCatalogPlans(scope.tenant.currency), currentPlanState(scope.tenantId)]);
  const current = plans.filter((plan) => plan.code === state.planCode);
  return localizePlans(current, { locale: f5LocaleOf(scope.tenant.locale), currency: scope.tenant.currency, currentPlanCode: state.planCode, transitionPending: state.transitionPending });
}

/** `usage_plans/custom_list`: every plan, once per locale, priced in the caller's currency. */
export async function listUsagePlans(scope: TenantScope): Promise<{ usage_plans: LocalizedPlan[] }> {
  const [plans, state] = await Promise.all([listCatalogPlans(scope.tenant.currency), currentPlanState(scope.tenantId)]);
  const view = { currency: scope.tenant.currency, currentPlanCode: state.planCode, transitionPending: state.transitionPending };
  const locales = [f5LocaleOf(scope.tenant.locale), f5LocaleOf(scope.tenant.locale) === 'zh-cn' ? 'en-us' : 'zh-cn'] as const;
  return { usage_plans: locales.map((locale) => localizePlans(plans, { ...view, locale })) };
}
