import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { listSubscriptionsQuery, listSubscriptionsResponse } from '@/server/subscriptions/f5-schema';

/** F5 ListSubscriptions (op 17), declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'get',
  path: '/api/web/namespaces/{namespace}/subscriptions/custom_list',
  operationId: 'ListSubscriptions',
  seed: '003',
  summary: 'The tenant\'s subscriptions, newest first; current=true lists only the live one. Any namespace of the tenant (subscriptions are tenant-wide).',
  scope: 'read',
  namespaceParam: 'namespace',
  query: listSubscriptionsQuery,
  response: listSubscriptionsResponse,
  envelope: f5Envelope,
});
