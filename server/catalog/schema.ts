import { z } from 'zod';
import { nonNegativeDecimalInput as decimalString } from '../money-schema';

/** F5 (seed 003) wire shapes of the plan catalog, field for field (F5-BILLING-API.md §5). */
export const f5Locale = z.enum(['zh-cn', 'en-us']);
export type F5Locale = z.infer<typeof f5Locale>;

const addonServiceDetails = z.object({ name: z.string(), display_name: z.string() });
const limit = z.object({ maximum: z.number() });

export const quotaGlobalSpec = z.object({
  object_limits: z.record(z.string(), limit),
  resource_limits: z.record(z.string(), limit),
  api_limits: z.record(z.string(), z.object({ rate: z.number().int(), burst: z.number().int(), unit: z.string() })),
  apigw_limits: z.record(z.string(), z.unknown()),
});

export const planInternal = z.object({
  name: z.string(),
  title: z.string(),
  subtitle: z.string(),
  description: z.string(),
  usage_plan_type: z.enum(['FREE', 'INDIVIDUAL', 'TEAM', 'ORGANIZATION', 'PLAN_TYPE_UNSPECIFIED']),
  tenant_type: z.enum(['UNKNOWN', 'FREEMIUM', 'ENTERPRISE']),
  state: z.enum(['STATE_UNSPECIFIED', 'STATE_READY', 'STATE_TRANSITION_PENDING']),
  current: z.boolean(),
  billing_disabled: z.boolean(),
  flat_price: z.number().int(),
  renewal_period_unit: z.enum(['PERIOD_UNKNOWN', 'PERIOD_DAY', 'PERIOD_WEEK', 'PERIOD_MONTH', 'PERIOD_YEAR']),
  trial_period_unit: z.enum(['PERIOD_UNKNOWN', 'PERIOD_DAY', 'PERIOD_WEEK', 'PERIOD_MONTH', 'PERIOD_YEAR']),
  trial_period: z.number().int(),
  default_quota: quotaGlobalSpec,
  transition_flow: z.object({
    method: z.enum(['TRANSITION_METHOD_UNSPECIFIED', 'TRANSITION_METHOD_SUPPORT', 'TRANSITION_METHOD_WIZARD', 'TRANSITION_METHOD_RECREATE']),
    required_fields: z.array(z.enum(['TRANSITION_REQUIRED_FIELD_UNSPECIFIED', 'TRANSITION_REQUIRED_FIELD_PAYMENT_TOKEN', 'TRANSITION_REQUIRED_FIELD_DOMAIN', 'TRANSITION_REQUIRED_FIELD_CONTACTS'])),
    requires_manual_approval: z.boolean(),
  }),
  included_addon_services: z.array(addonServiceDetails),
  allowed_addon_services: z.array(addonServiceDetails),
});
export type PlanInternal = z.infer<typeof planInternal>;

export const localizedPlan = z.object({ locale: f5Locale, plans: z.array(planInternal) });
export type LocalizedPlan = z.infer<typeof localizedPlan>;

export const listUsagePlansRsp = z.object({ usage_plans: z.array(localizedPlan) });

/** Both catalog operations take no parameters; anything sent is refused rather than ignored. */
export const noQuery = z.strictObject({});


// --- Catalog definitions (staff admin, the demo seed): prices are decimal strings, never numbers.
const localized = { name: z.string().min(1), nameZh: z.string().min(1) };

export const productInput = z.strictObject({
  category: z.strictObject({ id: z.string().regex(/^cat_[a-z0-9_]+$/), ...localized }),
  spu: z.strictObject({ id: z.string().regex(/^spu_[a-z0-9_]+$/), ...localized }),
  skus: z.array(z.strictObject({
    id: z.string().regex(/^sku_[a-z0-9_]+$/), ...localized,
    resourceType: z.string().regex(/^[a-z][a-z0-9_]*$/), billingItemPropertyName: z.string().min(1), unitName: z.string().min(1),
    meterKind: z.enum(['counter', 'gauge']), prices: z.record(z.string().length(3), decimalString),
  })).min(1),
});
export type ProductInput = z.output<typeof productInput>;

export const planInput = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]*$/), ...localized,
  subtitle: z.string().default(''), subtitleZh: z.string().default(''),
  description: z.string().default(''), descriptionZh: z.string().default(''),
  planType: z.enum(['free', 'individual', 'team', 'organization']),
  tenantType: z.enum(['freemium', 'enterprise']),
  rank: z.number().int().min(0),
  billingCycle: z.enum(['monthly', 'yearly']).default('monthly'),
  trialDays: z.number().int().min(0).max(365).default(0),
  gracePeriodDays: z.number().int().min(0).max(90).default(7),
  requiresManualApproval: z.boolean().default(false),
  transitionMethod: z.enum(['wizard', 'support', 'recreate']).default('wizard'),
  upgradeProration: z.enum(['prorate_now', 'at_renewal']).default('prorate_now'),
  downgradeProration: z.enum(['at_period_end', 'prorate_now_credit']).default('at_period_end'),
  objectLimits: z.record(z.string(), z.strictObject({ maximum: z.number().int() })).default({}),
  prices: z.record(z.string().length(3), decimalString),
  entitlements: z.array(z.strictObject({ resourceType: z.string(), includedUnits: decimalString, quotaLimit: decimalString.nullable().default(null), gaugeBilling: z.enum(['peak', 'average']).default('peak') })),
  addOns: z.array(z.strictObject({ code: z.string(), included: z.boolean() })).default([]),
});

export const addOnInput = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/), ...localized,
  description: z.string().default(''), descriptionZh: z.string().default(''),
  prices: z.record(z.string().length(3), decimalString),
});
export type PlanInput = z.output<typeof planInput>;
export type AddOnInput = z.output<typeof addOnInput>;
