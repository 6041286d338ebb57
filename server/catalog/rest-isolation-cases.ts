import { expect } from 'vitest';
import type { RestIsolationCases } from '../../test/rest-isolation';

/** How each catalog REST operation is scoped (gathered by server/rest/isolation.test.ts): the credential's own tenant. */
export const catalogRestIsolationCases: RestIsolationCases = {
  'GET /api/web/namespaces/{namespace}/usage_plans/current': {
    kind: 'scoped',
    call: () => ({ path: '/api/web/namespaces/system/usage_plans/current', params: { namespace: 'system' } }),
    ownsA: (response) => expect((response.json as { plans: { name: string }[] }).plans.map((plan) => plan.name)).toContain('starter'),
  },
  'GET /api/web/namespaces/{namespace}/usage_plans/custom_list': {
    kind: 'scoped',
    call: () => ({ path: '/api/web/namespaces/system/usage_plans/custom_list', params: { namespace: 'system' } }),
    ownsA: (response) => expect((response.json as { usage_plans: unknown[] }).usage_plans.length).toBeGreaterThan(0),
  },
};
