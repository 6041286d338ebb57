import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { noQuery, quotaUsageResponse } from '@/server/quotas/schema';
import { EXAMPLE_USAGE } from '@/server/quotas/examples';

/** F5 quota.CustomAPI.GetQuotaUsage (op 13). */
export const operation = tenantOperation({
  method: 'get',
  path: '/api/web/namespaces/{namespace}/quota/usage',
  operationId: 'GetQuotaUsage',
  seed: '003',
  summary: 'The limits of quota/limits with usage {current}: for resources, this billing period\'s usage in the quota\'s scope from the hourly rollups (counters summed, gauges at their peak); for objects, how many exist now.',
  scope: 'read',
  namespaceParam: 'namespace',
  query: noQuery,
  response: quotaUsageResponse,
  envelope: f5Envelope,
  example: { params: { namespace: 'system' }, response: EXAMPLE_USAGE },
});
