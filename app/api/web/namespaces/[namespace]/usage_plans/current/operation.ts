import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { localizedPlan, noQuery } from '@/server/catalog/schema';

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
});
