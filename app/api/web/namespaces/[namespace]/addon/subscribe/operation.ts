import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { addOnChoiceBody, emptyResponse } from '@/server/addons/schema';

/** F5 Subscribe (op 18), declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'post',
  path: '/api/web/namespaces/{namespace}/addon/subscribe',
  operationId: 'SubscribeAddOn',
  seed: '003',
  summary: "Subscribes the tenant to an add-on its plan allows, billed now prorated to the period end; a no-op when already subscribed (namespace must be \"system\").",
  scope: 'write',
  namespaceParam: 'namespace',
  idempotent: true,
  body: addOnChoiceBody,
  response: emptyResponse,
  envelope: f5Envelope,
  example: { params: { namespace: 'system' }, body: { audit_retention: {} }, response: {} },
});
