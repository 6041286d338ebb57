import { expect } from 'vitest';
import type { Caller, Fixture, IsolationCases, Mode } from '../../test/isolation';
import { prisma } from '../db';

/** A's invoice (the denied calls aim at it); an allowed call reads the newest invoice of the caller's own tenant. */
async function invoiceId(c: Caller, fx: Fixture, mode: Mode): Promise<string> {
  if (mode === 'denied') return (await prisma.billingRecord.findFirstOrThrow({ where: { tenantId: fx.A.tenant.id }, select: { id: true } })).id;
  return (await c.invoices.list({ limit: 1 })).items[0]!.id;
}

/** How each `invoices.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). Every member reads invoices: viewer is the minimum. */
export const invoicesIsolationCases: IsolationCases = {
  'invoices.list': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.invoices.list({ limit: 100 }),
    ownsA: async (r: { items: { id: string; invoiceNumber: string | null }[]; total: number }, fx) => {
      const ids = (await prisma.billingRecord.findMany({ where: { tenantId: fx.A.tenant.id }, select: { id: true } })).map((row) => row.id);
      expect(r.total).toBe(ids.length);
      expect(r.items.map((item) => item.id).sort()).toEqual(ids.sort());
      expect(r.items.map((item) => item.invoiceNumber)).toContain(fx.invoiceA);
    },
  },
  'invoices.detail': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: async (c, fx, mode) => c.invoices.detail({ invoiceId: await invoiceId(c, fx, mode) }),
    ownsA: async (r: { id: string; invoiceNumber: string | null; lines: unknown[] }, fx) => {
      const row = await prisma.billingRecord.findFirstOrThrow({ where: { id: r.id }, select: { tenantId: true } });
      expect(row.tenantId).toBe(fx.A.tenant.id);
      expect(r.lines.length).toBeGreaterThan(0);
    },
  },
  'invoices.paymentAttempts': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: async (c, fx, mode) => c.invoices.paymentAttempts({ invoiceId: await invoiceId(c, fx, mode) }),
    ownsA: async (r: { attempts: { id: string }[] }, fx) => {
      const ofA = (await prisma.paymentAttempt.findMany({ where: { tenantId: fx.A.tenant.id }, select: { id: true } })).map((row) => row.id);
      for (const attempt of r.attempts) expect(ofA).toContain(attempt.id);
    },
  },
};
