import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { emptyResponse, f5NameParams, f5RoleBody } from '@/server/payment-methods/schema';

/** F5 MakePaymentMethodSecondary (F5-BILLING-API.md §6). */
export const operation = tenantOperation({
  method: 'post',
  path: '/api/web/namespaces/{namespace}/billing/payment_method/{name}/secondary',
  operationId: 'MakePaymentMethodSecondary',
  seed: '003',
  summary: 'Makes the method SECONDARY; the previous secondary becomes NORMAL; a no-op when it already is; the PRIMARY moving down leaves no primary (namespace must be "system").',
  scope: 'write',
  namespaceParam: 'namespace',
  params: f5NameParams,
  body: f5RoleBody,
  response: emptyResponse,
  envelope: f5Envelope,
  example: { params: { namespace: 'system', name: 'card-4242-k3x9q2' }, body: { name: 'card-4242-k3x9q2', namespace: 'system' }, response: {} },
});
