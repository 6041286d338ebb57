import { expect } from 'vitest';
import { seedApiKey } from '../../prisma/seed/factories';
import type { IsolationCases } from '../../test/isolation';
import { prisma } from '../db';

/** How each `apiKeys.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const apiKeysIsolationCases: IsolationCases = {
  'apiKeys.list': {
    kind: 'tenant', type: 'query', minRole: 'admin', run: (c) => c.apiKeys.list(),
    ownsA: (r: { prefix: string }[], fx) => {
      expect(r.map((k) => k.prefix)).toContain(fx.keyA.apiKey.prefix);
      expect(r.map((k) => k.prefix)).not.toContain(fx.keyB.apiKey.prefix);
    },
  },
  'apiKeys.create': {
    kind: 'tenant', type: 'mutation', minRole: 'admin', run: (c) => c.apiKeys.create({ name: 'isolation', scopes: ['read'] }),
    ownsA: async (r, fx) => {
      const row = await prisma.apiKey.findUniqueOrThrow({ where: { prefix: r.apiKey.prefix } });
      expect(row.tenantId).toBe(fx.A.tenant.id);
    },
  },
  'apiKeys.revoke': {
    kind: 'tenant', type: 'mutation', minRole: 'admin',
    run: async (c, fx, mode) => c.apiKeys.revoke({ id: mode === 'denied' ? fx.keyA.apiKey.id : (await seedApiKey(fx.A, ['read'], 'throwaway')).apiKey.id }),
    ownsA: async (r, fx) => {
      const row = await prisma.apiKey.findUniqueOrThrow({ where: { prefix: r.prefix } });
      expect(row.tenantId).toBe(fx.A.tenant.id);
      expect(row.revokedAt).not.toBeNull();
    },
  },
};
