import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { addOnChoiceBody, emptyResponse } from '@/server/addons/schema';

/** F5 Unsubscribe (op 19), declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'post',
  path: '/api/web/namespaces/{namespace}/addon/unsubscribe',
  operationId: 'UnsubscribeAddOn',
  seed: '003',
  summary: "Unsubscribes an add-on at the end of the current period (no credit); a no-op when not subscribed (namespace must be \"system\").",
  scope: 'write',
  namespaceParam: 'namespace',
  idempotent: true,
  body: addOnChoiceBody,
  response: emptyResponse,
  envelope: f5Envelope,
  example: { params: { namespace: 'system' }, body: { audit_retention: {} }, response: {} },
});
