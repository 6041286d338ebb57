import { expect } from 'vitest';
import type { RestIsolationCases } from '../../test/rest-isolation';
import { prisma } from '../db';
import { encodeHourlyQuery } from './hourly-query';

const RANGE = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };
const post = (path: string, body: unknown, namespace = 'system') => ({ method: 'POST', path, params: { namespace }, body });

/**
 * Seed 003 usage reads (gathered by server/rest/isolation.test.ts). The range reads are scoped to
 * the key's tenant; hourly_usage_details is addressed: both keys send A's genuine query, B gets 404.
 */
export const usageReadRestIsolationCases: RestIsolationCases = {
  'POST /api/web/namespaces/{namespace}/current_usage': {
    kind: 'scoped',
    call: () => post('/api/web/namespaces/system/current_usage', RANGE),
    ownsA: (response) => expect(response.json).toMatchObject({ coupons: [], total_cost: '0' }),
  },
  'POST /api/web/namespaces/{namespace}/usage_details': {
    kind: 'scoped',
    call: () => post('/api/web/namespaces/system/usage_details', RANGE),
    ownsA: (response) => expect(response.json).toEqual({ usage_items: [] }),
  },
  'POST /api/web/namespaces/{namespace}/hourly_usage_details': {
    kind: 'addressed',
    call: async (fx) => {
      const system = await prisma.namespace.findFirstOrThrow({ where: { tenantId: fx.A.tenant.id, name: 'system' } });
      const query = encodeHourlyQuery({ tenantId: fx.A.tenant.id, namespaceId: system.id, appId: '', resourceType: 'api_calls', from: new Date(RANGE.from), to: new Date(RANGE.to) });
      return post('/api/web/namespaces/system/hourly_usage_details', { query });
    },
    ownsA: (response) => expect(response.json).toEqual({ hourly_usage_items: [] }),
  },
  'POST /api/web/namespaces/{namespace}/monthly_usage': {
    kind: 'scoped',
    call: () => post('/api/web/namespaces/system/monthly_usage', {}),
    ownsA: (response) => expect((response.json as { monthly_usage_items: unknown[] }).monthly_usage_items).toHaveLength(12),
  },
  'POST /api/data/namespaces/system/billing/usage_summary': {
    kind: 'scoped',
    call: () => ({ method: 'POST', path: '/api/data/namespaces/system/billing/usage_summary', body: RANGE }),
    ownsA: (response) => expect(response.json).toMatchObject({ total_cost: '0.00', from: RANGE.from }),
  },
};
