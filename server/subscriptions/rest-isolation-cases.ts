import { expect } from 'vitest';
import type { RestIsolationCases } from '../../test/rest-isolation';
import { prisma } from '../db';

/** How each subscription REST operation is scoped (gathered by server/rest/isolation.test.ts). */
export const subscriptionsRestIsolationCases: RestIsolationCases = {
  'GET /api/web/namespaces/{namespace}/subscriptions/custom_list': {
    kind: 'scoped',
    call: () => ({ path: '/api/web/namespaces/system/subscriptions/custom_list', params: { namespace: 'system' } }),
    ownsA: async (response, fx) => {
      const ids = (await prisma.subscription.findMany({ where: { tenantId: fx.A.tenant.id }, select: { id: true } })).map((s) => s.id);
      const names = (response.json as { subscriptions: { name: string }[] }).subscriptions.map((s) => s.name);
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((name) => ids.includes(name))).toBe(true);
    },
  },
};
