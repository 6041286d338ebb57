import { expect } from 'vitest';
import type { RestIsolationCases } from '../../test/rest-isolation';
import { now } from '../clock';
import { prisma } from '../db';

/**
 * Ingest is scoped to the key's tenant (gathered by server/rest/isolation.test.ts): both keys send
 * the same batch naming A's app; A's is counted in A, B's is refused per event (no such app in B)
 * and A is left unchanged.
 */
export const usageRestIsolationCases: RestIsolationCases = {
  'POST /api/v1/usage/events': {
    kind: 'scoped',
    call: (fx, as) => ({
      method: 'POST', path: '/api/v1/usage/events',
      body: { events: [{ event_id: `iso-${as}-${now().getTime()}`, app_id: fx.A.apps[0]!.id, namespace: 'web', resource_type: 'api_calls', quantity: 1, timestamp: new Date(now().getTime() - 60_000).toISOString() }] },
    }),
    ownsA: async (response, fx) => {
      expect(response.json).toMatchObject({ data: { accepted: 1 } });
      expect(await prisma.usageEvent.count({ where: { tenantId: fx.A.tenant.id, appId: fx.A.apps[0]!.id } })).toBeGreaterThan(0);
    },
  },
};
