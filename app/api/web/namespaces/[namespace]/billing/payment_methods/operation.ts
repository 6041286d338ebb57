import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { f5CreateBody, f5CreateResponse, f5NamespaceParams } from '@/server/payment-methods/schema';

/** F5 payment_method.CustomAPI.Create (op 6), declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'post',
  path: '/api/web/namespaces/{namespace}/billing/payment_methods',
  operationId: 'CreatePaymentMethod',
  seed: '003',
  summary: 'Adds a payment method from a processor token (the sandbox processor\'s POST /sandbox/v1/tokens; card data never comes here) with its role: PRIMARY or SECONDARY takes that slot from its previous holder, which becomes NORMAL. Answers the new method\'s name (namespace must be "system").',
  scope: 'write',
  namespaceParam: 'namespace',
  idempotent: true,
  params: f5NamespaceParams,
  body: f5CreateBody,
  response: f5CreateResponse,
  envelope: f5Envelope,
  example: {
    params: { namespace: 'system' },
    body: { namespace: 'system', role: 'PAYMENT_METHOD_ROLE_PRIMARY', token: 'tok_sbx_eyJrIjoiY2FyZCJ9.c2lnbmF0dXJl', contact: { contact_type: 'BILLING', address1: '1 Century Ave', city: 'Shanghai', country: 'CN', zip_code: '200120' } },
    response: { name: 'card-4242-k3x9q2' },
  },
});
