import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { listUsagePlansRsp, noQuery } from '@/server/catalog/schema';

/** F5 ListUsagePlans, declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'get',
  path: '/api/web/namespaces/{namespace}/usage_plans/custom_list',
  operationId: 'ListUsagePlans',
  seed: '003',
  summary: 'Every usage plan, once per locale, priced in the caller\'s currency (namespace must be "system").',
  scope: 'read',
  namespaceParam: 'namespace',
  query: noQuery,
  response: listUsagePlansRsp,
  envelope: f5Envelope,
});
