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
});
