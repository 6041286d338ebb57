import { money, toDecimalString, toMinorUnitsInt } from '../money';
import type { CatalogPlan } from './plans';
import type { F5Locale, LocalizedPlan, PlanInternal } from './schema';

type PlanView = { locale: F5Locale; currency: string; currentPlanCode: string | null; transitionPending: boolean };

const limitMap = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, { maximum: number }>) : {});

/** Our plan as F5's PlanInternal, in one locale and the tenant's currency. */
export function toPlanInternal(plan: CatalogPlan, view: PlanView): PlanInternal {
  const zh = view.locale === 'zh-cn';
  const price = plan.prices.find((p) => p.currency === view.currency);
  const current = plan.code === view.currentPlanCode;
  const paid = price ? money(price.price).gt(0) : false;
  const resourceLimits = Object.fromEntries(
    plan.entitlements.filter((e) => e.quotaLimit !== null).map((e) => [e.resourceType, { maximum: Number(toDecimalString(e.quotaLimit!)) }]),
  );
  const addOn = (a: CatalogPlan['addOns'][number]) => ({ name: a.addOn.code, display_name: zh ? a.addOn.nameZh : a.addOn.name });
  return {
    name: plan.code,
    title: zh ? plan.nameZh : plan.name,
    subtitle: zh ? plan.subtitleZh : plan.subtitle,
    description: zh ? plan.descriptionZh : plan.description,
    usage_plan_type: plan.planType.toUpperCase() as PlanInternal['usage_plan_type'],
    tenant_type: plan.tenantType.toUpperCase() as PlanInternal['tenant_type'],
    state: current && view.transitionPending ? 'STATE_TRANSITION_PENDING' : 'STATE_READY',
    current,
    billing_disabled: plan.billingDisabled,
    flat_price: price ? toMinorUnitsInt(price.price, view.currency) : 0,
    renewal_period_unit: plan.billingCycle === 'yearly' ? 'PERIOD_YEAR' : 'PERIOD_MONTH',
    trial_period_unit: 'PERIOD_DAY',
    trial_period: plan.trialDays,
    default_quota: { object_limits: limitMap(plan.objectLimits), resource_limits: resourceLimits, api_limits: {}, apigw_limits: {} },
    transition_flow: {
      method: `TRANSITION_METHOD_${plan.transitionMethod.toUpperCase()}` as PlanInternal['transition_flow']['method'],
      required_fields: paid ? ['TRANSITION_REQUIRED_FIELD_PAYMENT_TOKEN'] : [],
      requires_manual_approval: plan.requiresManualApproval,
    },
    included_addon_services: plan.addOns.filter((a) => a.included).map(addOn),
    allowed_addon_services: plan.addOns.filter((a) => !a.included).map(addOn),
  };
}

export function localizePlans(plans: CatalogPlan[], view: PlanView): LocalizedPlan {
  return { locale: view.locale, plans: plans.map((plan) => toPlanInternal(plan, view)) };
}

export function f5LocaleOf(tenantLocale: string): F5Locale {
  return tenantLocale === 'zh-CN' ? 'zh-cn' : 'en-us';
}
