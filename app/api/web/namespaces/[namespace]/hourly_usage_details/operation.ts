import { Decimal } from '@/server/money';
import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { hourlyUsageBody, hourlyUsageResponse } from '@/server/usage-read/schema';

/** F5 ListHourlyUsageDetails (op 21). */
export const operation = tenantOperation({
  method: 'post',
  path: '/api/web/namespaces/{namespace}/hourly_usage_details',
  operationId: 'ListHourlyUsageDetails',
  seed: '003',
  summary: 'The UTC hours of one usage_details item: `query` is its hourly_breakdown_query, unchanged (edited or made up → 400; another tenant\'s → 404). deployment = the app id, container = the SKU id.',
  scope: 'read',
  namespaceParam: 'namespace',
  body: hourlyUsageBody,
  response: hourlyUsageResponse,
  envelope: f5Envelope,
  example: {
    params: { namespace: 'web' },
    body: { namespace: 'web', query: 'eyJ2IjoxLCJ0IjoidG50X2RlbW8iLCJuIjoibnNfd2ViIn0' },
    response: {
      hourly_usage_items: [{ deployment: 'app_storefront', container: 'sku_api_calls', quantity: new Decimal('760'), unit_name: '次', start_timestamp: '2026-11-01T00:00:00Z', end_timestamp: '2026-11-01T01:00:00Z' }],
    },
  },
});
