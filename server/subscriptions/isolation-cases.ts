import { expect } from 'vitest';
import type { IsolationCases } from '../../test/isolation';
import { prisma } from '../db';

async function liveOf(tenantId: string) {
  return prisma.subscription.findFirstOrThrow({ where: { tenantId, endedAt: null } });
}

/** How each `subscriptions.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const subscriptionsIsolationCases: IsolationCases = {
  'subscriptions.current': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.subscriptions.current(),
    ownsA: async (r, fx) => {
      expect(r.subscription.id).toBe((await liveOf(fx.A.tenant.id)).id);
      expect(r.subscription.id).not.toBe((await liveOf(fx.B.tenant.id)).id);
    },
  },
  'subscriptions.cancel': {
    kind: 'tenant', type: 'mutation', minRole: 'billing', run: (c) => c.subscriptions.cancel({}),
    ownsA: async (r, fx) => {
      const a = await liveOf(fx.A.tenant.id);
      expect(r.id).toBe(a.id);
      expect(a.cancelAtPeriodEnd).toBe(true);
      expect((await liveOf(fx.B.tenant.id)).cancelAtPeriodEnd).toBe(false);
    },
  },
  // After cancel's cases: resume leaves A's subscription renewing again for the cases after it.
  'subscriptions.resume': {
    kind: 'tenant', type: 'mutation', minRole: 'billing', run: (c) => c.subscriptions.resume({}),
    ownsA: async (r, fx) => {
      const a = await liveOf(fx.A.tenant.id);
      expect(r.id).toBe(a.id);
      expect(a.cancelAtPeriodEnd).toBe(false);
    },
  },
  'subscriptions.setAutoRenew': {
    kind: 'tenant', type: 'mutation', minRole: 'billing',
    // Allowed runs set it to true (A's default), so A keeps renewing; denied runs try to turn it off.
    run: (c, _fx, mode) => c.subscriptions.setAutoRenew({ autoRenew: mode === 'allowed' }),
    ownsA: async (r, fx) => {
      const a = await liveOf(fx.A.tenant.id);
      expect(r.id).toBe(a.id);
      expect(a.autoRenew).toBe(true);
    },
  },
};
