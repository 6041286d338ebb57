import { expect } from 'vitest';
import type { Fixture, IsolationCases } from '../../test/isolation';
import { prisma } from '../db';
import { tokenizeCard } from '../payments/sandbox-provider';
import { addPaymentMethod } from './payment-methods';
import type { PaymentMethodRoleValue } from './schema';

const cardToken = () => tokenizeCard({ number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 1, cvc: '123' }).token;

/** A fresh card of A's (through the domain, as A's owner). */
async function addToA(fx: Fixture, role: PaymentMethodRoleValue = 'normal'): Promise<string> {
  return (await addPaymentMethod({ tenantId: fx.A.tenant.id, token: cardToken(), role, contact: null }, fx.A.ownerActor)).name;
}

/** One of A's active methods, for the refused calls (which must change nothing, so they never add one). */
async function existingOfA(fx: Fixture): Promise<string> {
  const row = await prisma.paymentMethod.findFirst({ where: { tenantId: fx.A.tenant.id, status: 'active' }, select: { name: true } });
  return row?.name ?? 'card-4242-absent';
}

/** The listed methods are all A's, and A still has at most one primary and one secondary. */
async function listsA(result: { methods: { name: string; role: string }[] }, fx: Fixture) {
  const namesOfA = new Set((await prisma.paymentMethod.findMany({ where: { tenantId: fx.A.tenant.id, status: 'active' }, select: { name: true } })).map((row) => row.name));
  for (const method of result.methods) expect(namesOfA.has(method.name), method.name).toBe(true);
  expect(result.methods.filter((m) => m.role === 'primary').length).toBeLessThanOrEqual(1);
  expect(result.methods.filter((m) => m.role === 'secondary').length).toBeLessThanOrEqual(1);
}

/** How each `paymentMethods.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const paymentMethodsIsolationCases: IsolationCases = {
  'paymentMethods.list': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.paymentMethods.list(), ownsA: listsA,
  },
  'paymentMethods.add': {
    kind: 'tenant', type: 'mutation', minRole: 'billing', run: (c) => c.paymentMethods.add({ token: cardToken() }),
    ownsA: async (r: { id: string; last4: string }, fx) => {
      expect(r.last4).toBe('4242');
      expect((await prisma.paymentMethod.findFirstOrThrow({ where: { id: r.id } })).tenantId).toBe(fx.A.tenant.id);
    },
  },
  'paymentMethods.remove': {
    kind: 'tenant', type: 'mutation', minRole: 'billing',
    run: async (c, fx, mode) => {
      if (mode === 'denied') return c.paymentMethods.remove({ name: await existingOfA(fx) });
      await addToA(fx); // A owes an open invoice: keep another method so the removal is allowed
      return c.paymentMethods.remove({ name: await addToA(fx) });
    },
    ownsA: listsA,
  },
  'paymentMethods.makePrimary': {
    kind: 'tenant', type: 'mutation', minRole: 'billing',
    run: async (c, fx, mode) => c.paymentMethods.makePrimary({ name: mode === 'denied' ? await existingOfA(fx) : await addToA(fx) }),
    ownsA: async (r: { methods: { name: string; role: string }[] }, fx) => {
      await listsA(r, fx);
      expect(r.methods[0]!.role).toBe('primary');
    },
  },
  'paymentMethods.makeSecondary': {
    kind: 'tenant', type: 'mutation', minRole: 'billing',
    run: async (c, fx, mode) => c.paymentMethods.makeSecondary({ name: mode === 'denied' ? await existingOfA(fx) : await addToA(fx) }),
    ownsA: async (r: { methods: { role: string }[] }, fx) => {
      await listsA(r as never, fx);
      expect(r.methods.some((m) => m.role === 'secondary')).toBe(true);
    },
  },
  'paymentMethods.swapPrimary': {
    kind: 'tenant', type: 'mutation', minRole: 'billing',
    run: async (c, fx, mode) => {
      if (mode === 'denied') return c.paymentMethods.swapPrimary({ name: await existingOfA(fx) });
      const primary = await addToA(fx, 'primary');
      await addToA(fx, 'secondary');
      return c.paymentMethods.swapPrimary({ name: primary });
    },
    ownsA: async (r: { methods: { role: string }[] }, fx) => {
      await listsA(r as never, fx);
      expect(r.methods.slice(0, 2).map((m) => m.role)).toEqual(['primary', 'secondary']);
    },
  },
};
