import { expect } from 'vitest';
import type { IsolationCases } from '../../test/isolation';
import { prisma } from '../db';
import { subscribeAddOn } from './add-ons';

/** The add-on codes A's current plan offers, in code order. */
async function offeredToA(tenantId: string): Promise<string[]> {
  const sub = await prisma.subscription.findFirstOrThrow({ where: { tenantId, endedAt: null } });
  return (await prisma.planAddOn.findMany({ where: { planCode: sub.planCode }, orderBy: { addOnCode: 'asc' } })).map((p) => p.addOnCode);
}

/** How each `addOns.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). The fixture's tenants start on `starter`; other cases may change A's plan. */
export const addOnsIsolationCases: IsolationCases = {
  'addOns.list': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.addOns.list(),
    ownsA: async (r: { hasSubscription: boolean; currency: string; addOns: { code: string }[] }, fx) => {
      expect(r.hasSubscription).toBe(true);
      expect(r.currency).toBe(fx.A.tenant.currency);
      expect(r.addOns.map((a) => a.code)).toEqual(await offeredToA(fx.A.tenant.id));
    },
  },
  'addOns.subscribe': {
    kind: 'tenant', type: 'mutation', minRole: 'billing', run: (c) => c.addOns.subscribe({ addOnCode: 'advanced_mfa' }),
    ownsA: async (r: { outcome: string }, fx) => {
      expect(['subscribed', 'resumed', 'unchanged']).toContain(r.outcome);
      const rows = await prisma.subscriptionAddOn.findMany({ where: { addOnCode: 'advanced_mfa', status: 'active', tenantId: { in: [fx.A.tenant.id, fx.B.tenant.id] } } });
      expect(rows.every((row) => row.tenantId === fx.A.tenant.id)).toBe(true);
      // A holds it now: subscribed, or included in A's plan (other cases may have changed the plan)
      const sub = await prisma.subscription.findFirstOrThrow({ where: { tenantId: fx.A.tenant.id, endedAt: null } });
      const included = await prisma.planAddOn.findFirst({ where: { planCode: sub.planCode, addOnCode: 'advanced_mfa', included: true } });
      expect(rows.length === 1 || included !== null).toBe(true);
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
