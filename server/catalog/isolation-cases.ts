import { expect } from 'vitest';
import type { IsolationCases } from '../../test/isolation';
import { prisma } from '../db';

/** How each `catalog.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const catalogIsolationCases: IsolationCases = {
  'catalog.plans': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.catalog.plans(),
    ownsA: async (r: { currency: string; currentPlanCode: string | null; pending: { id: string } | null }, fx) => {
      expect(r.currency).toBe('CNY');
      const sub = await prisma.subscription.findFirstOrThrow({ where: { tenantId: fx.A.tenant.id, endedAt: null } });
      expect(r.currentPlanCode).toBe(sub.planCode);
      if (r.pending) expect((await prisma.planTransition.findFirstOrThrow({ where: { id: r.pending.id } })).tenantId).toBe(fx.A.tenant.id);
    },
  },
};
