import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { noQuery, quotaLimitsResponse } from '@/server/quotas/schema';
import { EXAMPLE_LIMITS } from '@/server/quotas/examples';

/** F5 quota.CustomAPI.CustomGetQuotaLimits (op 12). */
export const operation = tenantOperation({
  method: 'get',
  path: '/api/web/namespaces/{namespace}/quota/limits',
  operationId: 'GetQuotaLimits',
  seed: '003',
  summary: 'The namespace\'s effective limits in F5\'s six maps: resources (per resource type; an app-scoped quota as "<resource_type>.<app_id>"), objects, apis, and the deprecated api_limits, quota_usage and float_quota_usage. The tightest enabled quota wins per key; in "system" the plan\'s default quota fills keys no quota object names.',
  scope: 'read',
  namespaceParam: 'namespace',
  query: noQuery,
  response: quotaLimitsResponse,
  envelope: f5Envelope,
  example: { params: { namespace: 'system' }, response: EXAMPLE_LIMITS },
});
