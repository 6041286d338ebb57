import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { emptyResponse, f5NameParams } from '@/server/payment-methods/schema';

/** F5 payment_method.CustomAPI.Delete (op 7). */
export const operation = tenantOperation({
  method: 'delete',
  path: '/api/web/namespaces/{namespace}/billing/payment_methods/{name}',
  operationId: 'DeletePaymentMethod',
  seed: '003',
  summary: 'Removes a payment method (namespace must be "system"). 409 when it is the only method able to pay an open invoice: add another first.',
  scope: 'write',
  namespaceParam: 'namespace',
  params: f5NameParams,
  response: emptyResponse,
  envelope: f5Envelope,
  example: { params: { namespace: 'system', name: 'card-4242-k3x9q2' }, response: {} },
});
