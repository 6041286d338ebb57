import { Decimal } from '@/server/money';
import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { usageDetailsResponse, usageRangeBody } from '@/server/usage-read/schema';

/** F5 ListUsageDetails (op 23). */
export const operation = tenantOperation({
  method: 'post',
  path: '/api/web/namespaces/{namespace}/usage_details',
  operationId: 'ListUsageDetails',
  seed: '003',
  summary: 'Usage per namespace × app × resource type for [from, to) (default: the current billing period), from the hourly rollups (counters summed, gauges at their peak); each item carries an opaque, signed hourly_breakdown_query for hourly_usage_details.',
  scope: 'read',
  namespaceParam: 'namespace',
  body: usageRangeBody,
  response: usageDetailsResponse,
  envelope: f5Envelope,
  example: {
    params: { namespace: 'web' },
    body: { namespace: 'web', from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' },
    response: {
      usage_items: [{
        usage_type: 'API calls', metric_label: 'api_calls', namespace: 'web', object_name: 'storefront', quantity: new Decimal('18250'), unit_name: '次',
        start_timestamp: '2026-11-01T00:00:00Z', end_timestamp: '2026-11-02T00:00:00Z', hourly_breakdown_query: 'eyJ2IjoxLCJ0IjoidG50X2RlbW8iLCJuIjoibnNfd2ViIn0', hourly_breakdown: [],
      }],
    },
  },
});
