import { expect } from 'vitest';
import type { SeededTenant } from '../../prisma/seed/factories';
import type { Caller, Fixture, IsolationCases, Mode } from '../../test/isolation';
import { prisma } from '../db';
import { seedBillWithLines } from './bill-fixture';

const NOV = { billMonth: '202611', start: new Date('2026-10-31T16:00:00Z'), end: new Date('2026-11-30T16:00:00Z') };
const seeded = new WeakMap<Fixture, Promise<void>>();

/** One bill of two lines for each of A and B, made once per fixture. */
function billsOf(fx: Fixture): Promise<void> {
  let done = seeded.get(fx);
  if (!done) {
    const hour = new Date('2026-11-03T06:00:00Z');
    const one = (tenant: SeededTenant) => seedBillWithLines(tenant, NOV, [{ skuId: 'sku_api_calls', hour, quantity: '1000', unitPrice: '0.0002' }, { skuId: 'sku_storage', hour, quantity: '2', unitPrice: '0.12' }]);
    done = Promise.all([one(fx.A), one(fx.B)]).then(() => undefined);
    seeded.set(fx, done);
  }
  return done;
}

/** A's bill for the denied calls; an allowed call reads a bill of the caller's own tenant. */
async function billId(c: Caller, fx: Fixture, mode: Mode): Promise<string> {
  await billsOf(fx);
  if (mode === 'denied') return (await prisma.bill.findFirstOrThrow({ where: { tenantId: fx.A.tenant.id }, select: { id: true } })).id;
  return (await c.bills.list()).bills[0]!.id;
}

const ownBillOfA = async (id: string, fx: Fixture) => expect((await prisma.bill.findFirstOrThrow({ where: { id }, select: { tenantId: true } })).tenantId).toBe(fx.A.tenant.id);

/** How each `bills.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). Every member reads bills. */
export const billsIsolationCases: IsolationCases = {
  'bills.list': {
    kind: 'tenant', type: 'query', minRole: 'viewer',
    run: async (c, fx) => {
      await billsOf(fx);
      return c.bills.list();
    },
    ownsA: async (r: { bills: { id: string }[] }, fx) => {
      const ids = (await prisma.bill.findMany({ where: { tenantId: fx.A.tenant.id }, select: { id: true } })).map((bill) => bill.id);
      expect(r.bills.map((bill) => bill.id).sort()).toEqual(ids.sort());
      expect(ids.length).toBeGreaterThan(0);
    },
  },
  'bills.hourly': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: async (c, fx, mode) => c.bills.hourly({ billId: await billId(c, fx, mode) }),
    ownsA: async (r: { rows: { id: string }[]; total: number }, fx) => {
      expect(r.total).toBe(2);
      const bill = await prisma.chargeLine.findFirstOrThrow({ where: { id: r.rows[0]!.id }, select: { billId: true } });
      await ownBillOfA(bill.billId, fx);
    },
  },
  'bills.daily': {
    kind: 'tenant', type: 'query', minRole: 'viewer',
    run: async (c, fx) => {
      await billsOf(fx);
      return c.bills.daily({ from: '2026-11-01', to: '2026-11-30' });
    },
    ownsA: (r: { rows: { meter: string }[] }) => expect(r.rows.map((row) => row.meter).sort()).toEqual(['api_calls', 'storage_gb']),
  },
};
