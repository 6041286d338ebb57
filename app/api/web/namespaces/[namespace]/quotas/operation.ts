import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { quotaCreateRequest, quotaCreateResponse, quotaListQuery, quotaListResponse } from '@/server/quotas/schema';
import { EXAMPLE_QUOTA, EXAMPLE_QUOTA_REQUEST } from '@/server/quotas/examples';

/** F5 quota.API.Create (op 10): `{metadata.namespace}` is this folder's `[namespace]` segment. */
export const createQuotaOperation = tenantOperation({
  method: 'post',
  path: '/api/web/namespaces/{namespace}/quotas',
  operationId: 'CreateQuota',
  seed: '003',
  summary: 'Creates a quota object in the namespace (F5 CreateRequest → CreateResponse). spec.resource_limits caps a resource type per period ("system" = tenant-wide); extensions: spec.enforcement hard|soft (default hard), spec.app_id. A name taken in the namespace → 409.',
  scope: 'write',
  role: 'admin',
  namespaceParam: 'namespace',
  idempotent: true,
  body: quotaCreateRequest,
  response: quotaCreateResponse,
  envelope: f5Envelope,
  example: { params: { namespace: 'system' }, body: EXAMPLE_QUOTA_REQUEST, response: EXAMPLE_QUOTA },
});

/** F5 quota.API.List (op 14). */
export const listQuotasOperation = tenantOperation({
  method: 'get',
  path: '/api/web/namespaces/{namespace}/quotas',
  operationId: 'ListQuotas',
  seed: '003',
  summary: 'The namespace\'s quota objects by name (F5 ListResponse, no paging). label_filter is a label selector (`env in (prod, staging),tier!=db`); report_fields adds metadata, system_metadata and get_spec to each item, report_status_fields adds status_set.',
  scope: 'read',
  namespaceParam: 'namespace',
  query: quotaListQuery,
  response: quotaListResponse,
  envelope: f5Envelope,
  example: {
    params: { namespace: 'system' },
    query: { label_filter: 'env in (prod)' },
    response: { items: [{
      name: EXAMPLE_QUOTA.metadata.name, namespace: 'system', tenant: EXAMPLE_QUOTA.system_metadata.tenant, uid: EXAMPLE_QUOTA.system_metadata.uid,
      description: EXAMPLE_QUOTA.metadata.description, disabled: false, labels: EXAMPLE_QUOTA.metadata.labels, annotations: {},
    }], errors: [] },
  },
});

export const operations = [createQuotaOperation, listQuotasOperation];
