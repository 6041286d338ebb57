import { z } from 'zod';
import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { emptyResponse, quotaDeleteRequest, quotaGetQuery, quotaGetResponse, quotaReplaceRequest } from '@/server/quotas/schema';
import { EXAMPLE_QUOTA, EXAMPLE_QUOTA_REQUEST } from '@/server/quotas/examples';

const params = z.object({ namespace: z.string(), name: z.string().max(253) });

/** F5 quota.API.Replace (op 11): `{metadata.namespace}/quotas/{metadata.name}` are this folder's segments. */
export const replaceQuotaOperation = tenantOperation({
  method: 'put',
  path: '/api/web/namespaces/{namespace}/quotas/{name}',
  operationId: 'ReplaceQuota',
  seed: '003',
  summary: 'Replaces a quota object\'s metadata and spec (F5 ReplaceRequest → {}). metadata.name must equal the path\'s name (a quota cannot be renamed); an unknown name → 404.',
  scope: 'write',
  role: 'admin',
  namespaceParam: 'namespace',
  idempotent: true,
  params,
  body: quotaReplaceRequest,
  response: emptyResponse,
  envelope: f5Envelope,
  example: { params: { namespace: 'system', name: 'api-calls-cap' }, body: EXAMPLE_QUOTA_REQUEST, response: {} },
});

/** F5 quota.API.Get (op 15). */
export const getQuotaOperation = tenantOperation({
  method: 'get',
  path: '/api/web/namespaces/{namespace}/quotas/{name}',
  operationId: 'GetQuota',
  seed: '003',
  summary: 'One quota object (F5 GetResponse): metadata and system_metadata always; response_format picks spec (DEFAULT, READ), create_form, replace_form, status, referring_objects or the broken-reference lists.',
  scope: 'read',
  namespaceParam: 'namespace',
  params,
  query: quotaGetQuery,
  response: quotaGetResponse,
  envelope: f5Envelope,
  example: {
    params: { namespace: 'system', name: 'api-calls-cap' },
    query: { response_format: 'GET_RSP_FORMAT_DEFAULT' },
    response: { metadata: EXAMPLE_QUOTA.metadata, spec: EXAMPLE_QUOTA.spec, system_metadata: EXAMPLE_QUOTA.system_metadata },
  },
});

/** F5 quota.API.Delete (op 16): F5 requires a JSON body. */
export const deleteQuotaOperation = tenantOperation({
  method: 'delete',
  path: '/api/web/namespaces/{namespace}/quotas/{name}',
  operationId: 'DeleteQuota',
  seed: '003',
  summary: 'Deletes a quota object (F5 DeleteRequest {name, namespace, fail_if_referred} → {}); name/namespace in the body, when sent, must match the path. Nothing refers to a quota, so fail_if_referred never refuses.',
  scope: 'write',
  role: 'admin',
  namespaceParam: 'namespace',
  params,
  body: quotaDeleteRequest,
  response: emptyResponse,
  envelope: f5Envelope,
  example: { params: { namespace: 'system', name: 'api-calls-cap' }, body: { name: 'api-calls-cap', namespace: 'system', fail_if_referred: false }, response: {} },
});

export const operations = [replaceQuotaOperation, getQuotaOperation, deleteQuotaOperation];
