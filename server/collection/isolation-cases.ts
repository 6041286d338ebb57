import type { Fixture, IsolationCases } from '../../test/isolation';
import { prisma } from '../db';

/** One of A's invoices by id (the fixture names it by number). */
const invoiceOfA = async (fx: Fixture) => (await prisma.billingRecord.findFirstOrThrow({ where: { tenantId: fx.A.tenant.id }, select: { id: true } })).id;

/** `staff.invoices.*` (spread into the staff cases): staff procedures, refused to the signed-out; the mutations name A's invoice. */
export const staffInvoicesIsolationCases: IsolationCases = {
  'staff.invoices.createDraft': {
    kind: 'staff', type: 'mutation',
    run: (c, fx) => c.staff.invoices.createDraft({ tenantId: fx.A.tenant.id, description: 'isolation case', lines: [{ description: 'line', quantity: '1', unitPrice: '1' }], reason: 'isolation case' }),
  },
  'staff.invoices.finalize': { kind: 'staff', type: 'mutation', run: async (c, fx) => c.staff.invoices.finalize({ tenantId: fx.A.tenant.id, invoiceId: await invoiceOfA(fx) }) },
  'staff.invoices.void': { kind: 'staff', type: 'mutation', run: async (c, fx) => c.staff.invoices.void({ tenantId: fx.A.tenant.id, invoiceId: await invoiceOfA(fx), reason: 'isolation case' }) },
  'staff.invoices.refund': { kind: 'staff', type: 'mutation', run: async (c, fx) => c.staff.invoices.refund({ tenantId: fx.A.tenant.id, invoiceId: await invoiceOfA(fx), to: 'credit', reason: 'isolation case' }) },
  'staff.invoices.settle': { kind: 'staff', type: 'mutation', run: async (c, fx) => c.staff.invoices.settle({ tenantId: fx.A.tenant.id, invoiceId: await invoiceOfA(fx), reference: 'BANK-REF-1', reason: 'isolation case' }) },
  'staff.invoices.attempts': { kind: 'staff', type: 'query', run: async (c, fx) => c.staff.invoices.attempts({ tenantId: fx.A.tenant.id, invoiceId: await invoiceOfA(fx) }) },
};
