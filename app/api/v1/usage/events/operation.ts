import { tenantOperation } from '@/server/rest/operations';
import { internalEnvelope } from '@/server/rest/envelopes';
import { ingestBody, ingestResult } from '@/server/usage/schema';

/** Usage ingest (metering sources, DOMAIN.md), declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'post',
  path: '/api/v1/usage/events',
  operationId: 'IngestUsageEvents',
  seed: '003',
  summary: 'Sends a batch of up to 1,000 metering events. Idempotent by event_id per tenant: each event is accepted, a duplicate (already counted; nothing changes), or rejected with a reason (unknown namespace, app or resource type, bad quantity or timestamp, a hard quota it would cross), without refusing the others. Accepted events count in usage, quotas and alerts when the response arrives.',
  scope: 'ingest',
  role: 'admin',
  body: ingestBody,
  response: ingestResult,
  envelope: internalEnvelope,
  example: {
    body: { events: [
      { event_id: 'evt-2026-11-03-0001', app_id: 'app_web', namespace: 'web', resource_type: 'api_calls', quantity: 120, timestamp: '2026-11-03T14:05:00Z', properties: { route: '/login' } },
      { event_id: 'evt-2026-11-03-0002', namespace: 'web', resource_type: 'storage_gb', quantity: '12.5', timestamp: '2026-11-03T14:05:00Z' },
      { event_id: 'evt-2026-11-03-0003', resource_type: 'coffee', quantity: 1, timestamp: '2026-11-03T14:05:00Z' },
    ] },
    response: { accepted: 2, duplicates: 0, rejected: 1, results: [
      { event_id: 'evt-2026-11-03-0001', status: 'accepted' },
      { event_id: 'evt-2026-11-03-0002', status: 'accepted' },
      { event_id: 'evt-2026-11-03-0003', status: 'rejected', reason: { code: 'unknown_resource_type', message: 'resource type "coffee" is not metered' } },
    ] },
  },
});
