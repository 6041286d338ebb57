import { expect } from 'vitest';
import type { IsolationCases } from '../../test/isolation';
import { prisma } from '../db';

/** How each `credits.*` and `staff.credits.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const creditsIsolationCases: IsolationCases = {
  'credits.balance': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.credits.balance(),
    ownsA: (r: { tenantId: string; currency: string }, fx) => {
      expect(r.tenantId).toBe(fx.A.tenant.id);
      expect(r.currency).toBe(fx.A.tenant.currency);
    },
  },
  'credits.ledger': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.credits.ledger({ page: 1, pageSize: 100 }),
    ownsA: async (r: { items: { id: string }[]; total: number }, fx) => {
      const ids = (await prisma.creditTransaction.findMany({ where: { tenantId: fx.A.tenant.id }, select: { id: true } })).map((row) => row.id);
      expect(r.total).toBe(ids.length);
      for (const item of r.items) expect(ids).toContain(item.id);
    },
  },
  'staff.credits.adjust': {
    kind: 'staff', type: 'mutation',
    run: (c, fx) => c.staff.credits.adjust({ tenantId: fx.A.tenant.id, direction: 'credit', amount: '1', reason: 'isolation case' }),
  },
};
