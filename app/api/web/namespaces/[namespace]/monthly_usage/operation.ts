import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { monthlyUsageBody, monthlyUsageResponse } from '@/server/usage-read/schema';

/** F5 ListMonthlyUsage (op 22). */
export const operation = tenantOperation({
  method: 'post',
  path: '/api/web/namespaces/{namespace}/monthly_usage',
  operationId: 'ListMonthlyUsage',
  seed: '003',
  summary: 'The last 12 months in the tenant\'s timezone (this one included, oldest first): what each month\'s bills charge for usage in the namespace, in minor units (0 for a month without usage).',
  scope: 'read',
  namespaceParam: 'namespace',
  body: monthlyUsageBody,
  response: monthlyUsageResponse,
  envelope: f5Envelope,
  example: {
    params: { namespace: 'system' },
    body: { namespace: 'system' },
    response: { monthly_usage_items: [{ amount: '10000', currency_code: 'CNY', start_timestamp: '2026-10-31T16:00:00Z', end_timestamp: '2026-11-30T16:00:00Z' }] },
  },
});
