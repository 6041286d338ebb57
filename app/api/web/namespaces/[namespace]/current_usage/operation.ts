import { Decimal } from '@/server/money';
import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { currentUsageResponse, usageRangeBody } from '@/server/usage-read/schema';

/** F5 ListCurrentUsage (op 20), declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'post',
  path: '/api/web/namespaces/{namespace}/current_usage',
  operationId: 'ListCurrentUsage',
  seed: '003',
  summary: 'Priced usage per SKU for [from, to) (default: the current billing period), from the charge lines: quantity, amount after included units, total_cost and discount in minor units. `system` reads the whole tenant, another namespace only its own usage.',
  scope: 'read',
  namespaceParam: 'namespace',
  body: usageRangeBody,
  response: currentUsageResponse,
  envelope: f5Envelope,
  example: {
    params: { namespace: 'system' },
    body: { namespace: 'system', from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' },
    response: {
      usage_items: [{
        usage_type: 'API calls', metric_labels: ['api_calls'], quantity: new Decimal('1500000'), unit_name: '次', quantity_billable: '1500000', unit_name_billable: '次',
        amount: '10000', currency_code: 'CNY', start_timestamp: '2026-10-31T16:00:00Z', end_timestamp: '2026-11-30T16:00:00Z', status: 'STATUS_ACTIVE', fixed: false,
      }],
      coupons: [],
      total_cost: '10000',
      discount: '20000',
    },
  },
});
