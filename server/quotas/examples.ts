/** Examples for the OpenAPI document (server/rest/openapi.test.ts parses each with its schemas). */
import type { QuotaCreateRequest, QuotaLimitsResponse, QuotaObject, QuotaUsageResponse } from './schema';

export const EXAMPLE_QUOTA_REQUEST: QuotaCreateRequest = {
  metadata: { name: 'api-calls-cap', namespace: 'system', labels: { env: 'prod' }, description: 'Monthly API call cap' },
  spec: { resource_limits: { api_calls: { maximum: 2000000 } }, object_limits: { api_keys: { maximum: 20 } }, api_limits: {}, enforcement: 'hard' },
};

export const EXAMPLE_QUOTA: QuotaObject = {
  metadata: { name: 'api-calls-cap', namespace: 'system', labels: { env: 'prod' }, annotations: {}, description: 'Monthly API call cap', disable: false },
  spec: { object_limits: { api_keys: { maximum: 20 } }, resource_limits: { api_calls: { maximum: 2000000 } }, api_limits: {}, enforcement: 'hard' },
  system_metadata: {
    uid: '3f0c6a1e-8b2d-4c7e-9f1a-5d4b3c2a1e0f', tenant: 'tnt_xyz789', creation_timestamp: '2026-05-01T00:00:00Z', modification_timestamp: '2026-05-01T00:00:00Z',
    creator_class: 'counterfoil', creator_id: 'usr_abc123', finalizers: [], labels: {}, object_index: 0,
  },
};

const resource = { display_name: 'API calls', description: 'quota "api-calls-cap" (hard)', limit: { maximum: 2000000 } };
const object = { display_name: 'api_keys', description: 'quota "api-calls-cap" (hard)', limit: { maximum: 20 } };

export const EXAMPLE_LIMITS: QuotaLimitsResponse = {
  objects: { api_keys: object }, resources: { api_calls: resource }, apis: {}, api_limits: {}, quota_usage: { api_keys: object }, float_quota_usage: { api_calls: resource },
};

const used = { ...resource, usage: { current: 1234567 } };
export const EXAMPLE_USAGE: QuotaUsageResponse = {
  objects: { api_keys: { ...object, usage: { current: 3 } } }, resources: { api_calls: used }, apis: {}, api_limits: {},
  quota_usage: { api_keys: { ...object, usage: { current: 3 } } }, float_quota_usage: { api_calls: used },
};
