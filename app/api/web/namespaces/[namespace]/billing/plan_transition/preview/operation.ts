import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { f5PreviewBody, planTransitionQuote } from '@/server/transitions/schema';

/** Our extension beside F5's op 9: the quote (proration preview), kept 15 minutes for a confirm with `quote_id`. */
export const operation = tenantOperation({
  method: 'post',
  path: '/api/web/namespaces/{namespace}/billing/plan_transition/preview',
  operationId: 'PreviewPlanTransition',
  seed: '003',
  summary: 'Quotes a plan change (our extension; same body as InitiatePlanTransition): r and N (calendar days in the tenant\'s zone), '
    + 'the unused value of the current plan and the new plan\'s prorated charge (each rounded half up, tax per line), credit applied, '
    + 'amount due now and the effective date. Amounts are decimal strings in the tenant\'s currency. Confirm with `quote_id` within 15 minutes. '
    + '`payload.billing_cycle` (our extension, `monthly` | `yearly`) switches the cycle: to yearly now (unused part credited, full year charged from today, '
    + 'the anchor moves), to monthly at the period end unless the plan downgrades now with a credit; the quote then carries `newPeriodEnd`.',
  scope: 'write',
  role: 'billing',
  namespaceParam: 'namespace',
  body: f5PreviewBody,
  response: planTransitionQuote,
  envelope: f5Envelope,
  example: {
    params: { namespace: 'system' },
    body: { namespace: 'system', new_plan: 'pro', payload: { payment_provider_token: 'tok_visa_4242' } },
    response: {
      id: '5f0c2b7e-8a1d-4e3f-9b6c-2d4a8e1f7c93',
      state: 'quoted',
      fromPlan: { code: 'starter', name: 'Starter', price: '15', version: 1 },
      toPlan: { code: 'pro', name: 'Pro', price: '79', version: 1 },
      direction: 'upgrade',
      mode: 'prorate_now',
      currency: 'USD',
      taxRate: '0',
      periodStart: '2026-12-01T05:00:00Z',
      periodEnd: '2027-01-01T05:00:00Z',
      periodDays: 31,
      remainingDays: 30,
      effectiveAt: '2026-12-02T05:00:00Z',
      effectiveDate: '2026-12-02',
      fromBillingCycle: 'monthly',
      toBillingCycle: 'monthly',
      newPeriodEnd: null,
      unused: { amount: '14.52', tax: '0', total: '14.52' },
      charge: { amount: '76.45', tax: '0', total: '76.45' },
      net: '61.93',
      creditApplied: '0',
      amountDue: '61.93',
      creditToLedger: '0',
      requiresManualApproval: false,
      expiresAt: '2026-12-02T03:35:00Z',
      quoteHash: 'b3f1c9a27d4e8f60',
    },
  },
});
