import type { z } from 'zod';
import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { localizedPlan, noQuery } from '@/server/catalog/schema';

/** The seed catalog's Pro plan as a USD, English tenant on it reads it (shared by ListUsagePlans' example). */
export const examplePlan: z.output<typeof localizedPlan>['plans'][number] = {
  name: 'pro',
  title: 'Pro',
  subtitle: 'For teams in production',
  description: 'SSO, audit logs and priority support.',
  usage_plan_type: 'TEAM',
  tenant_type: 'FREEMIUM',
  state: 'STATE_READY',
  current: true,
  billing_disabled: false,
  flat_price: 7900,
  renewal_period_unit: 'PERIOD_MONTH',
  trial_period_unit: 'PERIOD_DAY',
  trial_period: 14,
  default_quota: {
    object_limits: { api_keys: { maximum: 50 }, apps: { maximum: 20 } },
    resource_limits: { active_users: { maximum: 250000 }, mfa_verifications: { maximum: 50000 } },
    api_limits: {},
    apigw_limits: {},
  },
  transition_flow: { method: 'TRANSITION_METHOD_WIZARD', required_fields: ['TRANSITION_REQUIRED_FIELD_PAYMENT_TOKEN'], requires_manual_approval: false },
  included_addon_services: [{ name: 'advanced_mfa', display_name: 'Advanced MFA' }],
  allowed_addon_services: [{ name: 'audit_retention', display_name: 'Audit log retention (1 year)' }, { name: 'premium_support', display_name: 'Premium support' }],
};

/** F5 GetCurrentPlan, declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'get',
  path: '/api/web/namespaces/{namespace}/usage_plans/current',
  operationId: 'GetCurrentPlan',
  seed: '003',
  summary: 'The caller\'s current usage plan, in the caller\'s locale (namespace must be "system").',
  scope: 'read',
  namespaceParam: 'namespace',
  query: noQuery,
  response: localizedPlan,
  envelope: f5Envelope,
  example: { params: { namespace: 'system' }, response: { locale: 'en-us', plans: [examplePlan] } },
});
