import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { f5StateQuery, f5StateRsp } from '@/server/transitions/schema';

/** F5 GetPlanTransition (op 8): only the state, and only of the caller's own transition (F5 still asks for the API token). */
export const operation = tenantOperation({
  method: 'get',
  path: '/no_auth/namespaces/system/billing/plan_transition',
  operationId: 'GetPlanTransition',
  seed: '003',
  summary: 'The state of one of the caller\'s plan transitions: `{state}`. An unknown id, or another tenant\'s, is 404.',
  scope: 'read',
  query: f5StateQuery,
  response: f5StateRsp,
  envelope: f5Envelope,
  example: { query: { id: '5f0c2b7e-8a1d-4e3f-9b6c-2d4a8e1f7c93' }, response: { state: 'STATE_FINISHED' } },
});
