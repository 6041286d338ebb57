import { expect } from 'vitest';
import type { IsolationCases } from '../../test/isolation';
import { uniqueSuffix } from '../../prisma/seed/factories';
import { prisma } from '../db';
import { createPortalQuota } from './portal-quotas';
import { quotaForm } from './portal-schema';

const form = (name: string, maximum = '1000') => quotaForm.parse({ namespace: 'system', name, resourceLimits: [{ resourceType: 'api_calls', maximum }] });

/**
 * A quota to address, made through the domain when the call is expected to succeed: in A and, under
 * the same name, in B (a query also runs as B's owner looking at B, and must find B's own).
 */
async function quotaOfA(fx: Parameters<IsolationCases[string]['run']>[1], mode: 'allowed' | 'denied'): Promise<string> {
  if (mode === 'denied') return 'iso-denied';
  const name = `iso-${uniqueSuffix()}`;
  await createPortalQuota(fx.A.tenant.id, form(name), fx.A.ownerActor);
  await createPortalQuota(fx.B.tenant.id, form(name), fx.B.ownerActor);
  return name;
}

/** How each `quotas.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const quotasIsolationCases: IsolationCases = {
  'quotas.list': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.quotas.list({}),
    ownsA: (r: { namespaces: { name: string }[] }) => expect(r.namespaces.map((n) => n.name)).toContain('system'),
  },
  'quotas.get': {
    kind: 'tenant', type: 'query', minRole: 'viewer',
    run: async (c, fx, mode) => c.quotas.get({ namespace: 'system', name: await quotaOfA(fx, mode) }),
    ownsA: (r: { namespace: string; resourceLimits: unknown }) => {
      expect(r.namespace).toBe('system');
      expect(r.resourceLimits).toEqual([{ resourceType: 'api_calls', maximum: '1000' }]);
    },
  },
  'quotas.create': {
    kind: 'tenant', type: 'mutation', minRole: 'admin', run: (c) => c.quotas.create(form(`iso-${uniqueSuffix()}`, '12.5')),
    ownsA: async (r: { uid: string }, fx) => {
      const row = await prisma.quota.findFirstOrThrow({ where: { uid: r.uid } });
      expect(row.tenantId).toBe(fx.A.tenant.id);
    },
  },
  'quotas.update': {
    kind: 'tenant', type: 'mutation', minRole: 'admin',
    run: async (c, fx, mode) => c.quotas.update(form(await quotaOfA(fx, mode), '2000')),
    ownsA: async (r: { uid: string; resourceLimits: unknown }, fx) => {
      expect(r.resourceLimits).toEqual([{ resourceType: 'api_calls', maximum: '2000' }]);
      const limit = await prisma.quotaResourceLimit.findFirstOrThrow({ where: { quota: { uid: r.uid } } });
      expect([limit.tenantId, limit.maximum.toFixed()]).toEqual([fx.A.tenant.id, '2000']);
    },
  },
  'quotas.delete': {
    kind: 'tenant', type: 'mutation', minRole: 'admin',
    run: async (c, fx, mode) => c.quotas.delete({ namespace: 'system', name: await quotaOfA(fx, mode) }),
    ownsA: (r: { ok: boolean }) => expect(r.ok).toBe(true),
  },
};
