import { expect } from 'vitest';
import type { RestIsolationCases } from '../../test/rest-isolation';
import { prisma } from '../db';

const choice = (action: 'subscribe' | 'unsubscribe') => () => ({
  method: 'POST', path: `/api/web/namespaces/system/addon/${action}`, params: { namespace: 'system' }, body: { audit_retention: {} },
});

/** How each add-on REST operation is scoped (gathered by server/rest/isolation.test.ts): the credential's own subscription. */
export const addOnsRestIsolationCases: RestIsolationCases = {
  'POST /api/web/namespaces/{namespace}/addon/subscribe': {
    kind: 'scoped',
    call: choice('subscribe'),
    ownsA: async (response, fx) => {
      expect(response.text).toBe('{}');
      expect(await prisma.subscriptionAddOn.count({ where: { tenantId: fx.A.tenant.id, addOnCode: 'audit_retention', status: 'active' } })).toBe(1);
    },
  },
  'POST /api/web/namespaces/{namespace}/addon/unsubscribe': {
    kind: 'scoped',
    call: choice('unsubscribe'),
    ownsA: (response) => expect(response.text).toBe('{}'),
  },
};
