import { expect } from 'vitest';
import type { IsolationCases } from '../../test/isolation';
import { prisma } from '../db';
import { subscribeAddOn } from './add-ons';

/** How each `addOns.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). The fixture's tenants are on `starter`. */
export const addOnsIsolationCases: IsolationCases = {
  'addOns.list': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.addOns.list(),
    ownsA: (r: { hasSubscription: boolean; currency: string; addOns: { code: string }[] }, fx) => {
      expect(r.hasSubscription).toBe(true);
      expect(r.currency).toBe(fx.A.tenant.currency);
      expect(r.addOns.map((a) => a.code)).toEqual(['advanced_mfa', 'audit_retention']);
    },
  },
  'addOns.subscribe': {
    kind: 'tenant', type: 'mutation', minRole: 'billing', run: (c) => c.addOns.subscribe({ addOnCode: 'advanced_mfa' }),
    ownsA: async (r: { outcome: string }, fx) => {
      expect(['subscribed', 'unchanged']).toContain(r.outcome);
      const rows = await prisma.subscriptionAddOn.findMany({ where: { addOnCode: 'advanced_mfa', status: 'active', tenantId: { in: [fx.A.tenant.id, fx.B.tenant.id] } } });
      expect(rows.map((row) => row.tenantId)).toEqual([fx.A.tenant.id]);
    },
  },
  'addOns.unsubscribe': {
    kind: 'tenant', type: 'mutation', minRole: 'billing',
    run: async (c, fx, mode) => {
      if (mode === 'allowed') await subscribeAddOn({ tenantId: fx.A.tenant.id, addOnCode: 'audit_retention' }, fx.A.ownerActor);
      return c.addOns.unsubscribe({ addOnCode: 'audit_retention' });
    },
    ownsA: async (r: { outcome: string }, fx) => {
      expect(r.outcome).toBe('canceled');
      const row = await prisma.subscriptionAddOn.findFirstOrThrow({ where: { tenantId: fx.A.tenant.id, addOnCode: 'audit_retention' } });
      expect(row.status).toBe('canceled');
    },
  },
};
