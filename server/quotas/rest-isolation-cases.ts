import { expect } from 'vitest';
import type { RestIsolationCases } from '../../test/rest-isolation';
import type { Fixture } from '../../test/isolation';
import { prisma } from '../db';
import { createQuota } from './quotas';
import { quotaCreateRequest } from './schema';

const QUOTA = 'iso-cap';
const base = (rest = '') => ({ path: `/api/web/namespaces/system/${rest}`, params: { namespace: 'system' } });

/**
 * A's quota "iso-cap" in system (B has none of that name), created when a case about to address it
 * finds it gone. Before B's call it is written without the domain (no audit row), because the
 * runner counts A's audit rows around B's call.
 */
async function ensureQuotaOfA(fx: Fixture, as: 'A' | 'B' = 'A') {
  const system = await prisma.namespace.findUniqueOrThrow({ where: { tenantId_name: { tenantId: fx.A.tenant.id, name: 'system' } } });
  if (await prisma.quota.findUnique({ where: { tenantId_namespaceId_name: { tenantId: fx.A.tenant.id, namespaceId: system.id, name: QUOTA } } })) return;
  if (as === 'B') {
    await prisma.quota.create({ data: { tenantId: fx.A.tenant.id, id: `qta_iso${Date.now().toString(36)}`, namespaceId: system.id, name: QUOTA, uid: crypto.randomUUID() } });
    return;
  }
  await createQuota({ tenantId: fx.A.tenant.id, namespace: 'system', request: quotaCreateRequest.parse({ metadata: { name: QUOTA, labels: { owner: 'a' } }, spec: { resource_limits: { api_calls: { maximum: 100 } } } }) }, fx.A.ownerActor);
}

const addressed = (method: string, body?: unknown) => async (fx: Fixture, as: 'A' | 'B') => {
  await ensureQuotaOfA(fx, as);
  return { method, path: `/api/web/namespaces/system/quotas/${QUOTA}`, params: { namespace: 'system', name: QUOTA }, body };
};

/** How each quota REST operation is scoped (gathered by server/rest/isolation.test.ts). */
export const quotasRestIsolationCases: RestIsolationCases = {
  'POST /api/web/namespaces/{namespace}/quotas': {
    kind: 'scoped',
    call: (_fx, as) => ({ method: 'POST', ...base('quotas'), body: { metadata: { name: `iso-new-${as.toLowerCase()}` }, spec: {} } }),
    ownsA: (response, fx) => expect((response.json as { system_metadata: { tenant: string } }).system_metadata.tenant).toBe(fx.A.tenant.id),
  },
  'GET /api/web/namespaces/{namespace}/quotas': {
    kind: 'scoped',
    call: async (fx, as) => {
      await ensureQuotaOfA(fx, as);
      return { method: 'GET', ...base('quotas') };
    },
    ownsA: (response, fx) => {
      const items = (response.json as { items: { name: string; tenant: string }[] }).items;
      expect(items.map((i) => i.name)).toContain(QUOTA);
      expect(items.every((i) => i.tenant === fx.A.tenant.id)).toBe(true);
    },
  },
  'GET /api/web/namespaces/{namespace}/quotas/{name}': {
    kind: 'addressed',
    call: addressed('GET'),
    ownsA: (response, fx) => expect(response.json).toMatchObject({ metadata: { name: QUOTA }, system_metadata: { tenant: fx.A.tenant.id } }),
  },
  'PUT /api/web/namespaces/{namespace}/quotas/{name}': {
    kind: 'addressed',
    call: addressed('PUT', { metadata: { name: QUOTA, labels: { owner: 'a' } }, spec: { resource_limits: { api_calls: { maximum: 200 } } } }),
    ownsA: async (response, fx) => {
      expect(response.json).toEqual({});
      const limit = await prisma.quotaResourceLimit.findFirstOrThrow({ where: { tenantId: fx.A.tenant.id, resourceType: 'api_calls', quota: { name: QUOTA } } });
      expect(limit.maximum.toFixed()).toBe('200');
    },
  },
  'DELETE /api/web/namespaces/{namespace}/quotas/{name}': {
    kind: 'addressed',
    call: addressed('DELETE', { name: QUOTA, namespace: 'system' }),
    ownsA: async (response, fx) => {
      expect(response.json).toEqual({});
      expect(await prisma.quota.count({ where: { tenantId: fx.A.tenant.id, name: QUOTA } })).toBe(0);
    },
  },
  'GET /api/web/namespaces/{namespace}/quota/limits': {
    kind: 'scoped',
    call: () => ({ method: 'GET', ...base('quota/limits') }),
    ownsA: (response) => expect(Object.keys(response.json as object).sort()).toEqual(['api_limits', 'apis', 'float_quota_usage', 'objects', 'quota_usage', 'resources']),
  },
  'GET /api/web/namespaces/{namespace}/quota/usage': {
    kind: 'scoped',
    call: () => ({ method: 'GET', ...base('quota/usage') }),
    ownsA: (response) => expect((response.json as { resources: Record<string, unknown> }).resources).toHaveProperty('api_calls'),
  },
};
