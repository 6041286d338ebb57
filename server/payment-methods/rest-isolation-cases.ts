import { expect } from 'vitest';
import type { Fixture } from '../../test/isolation';
import type { RestIsolationCases } from '../../test/rest-isolation';
import { prisma } from '../db';
import { tokenizeCard } from '../payments/sandbox-provider';
import { addPaymentMethod } from './payment-methods';
import type { PaymentMethodRoleValue } from './schema';

const cardToken = () => tokenizeCard({ number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 1, cvc: '123' }).token;
const addToA = async (fx: Fixture, role: PaymentMethodRoleValue = 'normal') =>
  (await addPaymentMethod({ tenantId: fx.A.tenant.id, token: cardToken(), role, contact: null }, fx.A.ownerActor)).name;

/**
 * The name A's call used, per operation: B's call then names the same method of A's (B's call must not
 * add one, since the table checks that it leaves A's audit trail unchanged).
 */
const targets = new Map<string, string>();
async function target(fx: Fixture, as: 'A' | 'B', key: string, make: () => Promise<string>): Promise<string> {
  if (as === 'A' || !targets.has(key)) targets.set(key, await make());
  return targets.get(key)!;
}

const roleOf = async (fx: Fixture, name: string) => (await prisma.paymentMethod.findFirstOrThrow({ where: { tenantId: fx.A.tenant.id, name } })).role;
const roleCall = (action: 'primary' | 'secondary' | 'swap-primary', make: (fx: Fixture) => Promise<string>) => async (fx: Fixture, as: 'A' | 'B') => {
  const name = await target(fx, as, action, () => make(fx));
  return { method: 'POST', path: `/api/web/namespaces/system/billing/payment_method/${name}/${action}`, params: { namespace: 'system', name }, body: { name, namespace: 'system' } };
};

/** How each payment-method REST operation is scoped (gathered by server/rest/isolation.test.ts). */
export const paymentMethodsRestIsolationCases: RestIsolationCases = {
  'POST /api/web/namespaces/{namespace}/billing/payment_methods': {
    kind: 'scoped',
    call: () => ({ method: 'POST', path: '/api/web/namespaces/system/billing/payment_methods', params: { namespace: 'system' }, body: { namespace: 'system', role: 'PAYMENT_METHOD_ROLE_NORMAL', token: cardToken() } }),
    ownsA: async (response, fx) => {
      const { name } = response.json as { name: string };
      expect(await prisma.paymentMethod.count({ where: { tenantId: fx.A.tenant.id, name } })).toBe(1);
    },
  },
  'DELETE /api/web/namespaces/{namespace}/billing/payment_methods/{name}': {
    kind: 'addressed',
    call: async (fx, as) => {
      // A owes an open invoice: A's call removes one of two fresh cards; B's names the survivor.
      const survivor = await target(fx, as, 'delete', () => addToA(fx));
      const name = as === 'A' ? await addToA(fx) : survivor;
      return { method: 'DELETE', path: `/api/web/namespaces/system/billing/payment_methods/${name}`, params: { namespace: 'system', name } };
    },
    ownsA: async (response, fx) => {
      expect(response.text).toBe('{}');
      expect(await prisma.paymentMethod.count({ where: { tenantId: fx.A.tenant.id, name: targets.get('delete')!, status: 'active' } })).toBe(1);
    },
  },
  'POST /api/web/namespaces/{namespace}/billing/payment_method/{name}/primary': {
    kind: 'addressed',
    call: roleCall('primary', (fx) => addToA(fx)),
    ownsA: async (_response, fx) => expect(await roleOf(fx, targets.get('primary')!)).toBe('primary'),
  },
  'POST /api/web/namespaces/{namespace}/billing/payment_method/{name}/secondary': {
    kind: 'addressed',
    call: roleCall('secondary', (fx) => addToA(fx)),
    ownsA: async (_response, fx) => expect(await roleOf(fx, targets.get('secondary')!)).toBe('secondary'),
  },
  'POST /api/web/namespaces/{namespace}/billing/payment_method/{name}/swap-primary': {
    kind: 'addressed',
    call: roleCall('swap-primary', async (fx) => {
      const primary = await addToA(fx, 'primary');
      await addToA(fx, 'secondary');
      return primary;
    }),
    ownsA: async (_response, fx) => expect(await roleOf(fx, targets.get('swap-primary')!)).toBe('secondary'),
  },
};
