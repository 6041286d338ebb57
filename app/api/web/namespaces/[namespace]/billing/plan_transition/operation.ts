import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { f5TransitionBody, f5TransitionRsp } from '@/server/transitions/schema';

/** F5 InitiatePlanTransition (op 9): the confirm step, through the portal's confirm; idempotent. */
export const operation = tenantOperation({
  method: 'post',
  path: '/api/web/namespaces/{namespace}/billing/plan_transition',
  operationId: 'InitiatePlanTransition',
  seed: '003',
  summary: 'Changes the plan: prorates, bills or credits the difference (or schedules it, or waits for approval). '
    + '`quote_id` (our extension) confirms a quote from …/plan_transition/preview; without it the change is quoted and confirmed at once. '
    + 'A quote past its 15 minutes, or whose inputs changed, is refused with 409. Honours Idempotency-Key. '
    + '`payload.billing_cycle` (our extension, `monthly` | `yearly`; omitted: keep the current cycle) changes the billing cycle with the plan.',
  scope: 'write',
  role: 'billing',
  namespaceParam: 'namespace',
  body: f5TransitionBody,
  response: f5TransitionRsp,
  envelope: f5Envelope,
  idempotent: true,
  example: {
    params: { namespace: 'system' },
    body: { namespace: 'system', new_plan: 'pro', quote_id: '5f0c2b7e-8a1d-4e3f-9b6c-2d4a8e1f7c93', payload: { payment_provider_token: 'tok_visa_4242' } },
    response: { id: '5f0c2b7e-8a1d-4e3f-9b6c-2d4a8e1f7c93', requires_manual_approval: false },
  },
});
