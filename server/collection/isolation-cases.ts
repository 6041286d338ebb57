import type { IsolationCases } from '../../test/isolation';

/** `staff.invoices.*` (spread into the staff cases): staff procedures, refused to the signed-out; the mutations name A's invoice. */
export const staffInvoicesIsolationCases: IsolationCases = {
  'staff.invoices.createDraft': {
    kind: 'staff', type: 'mutation',
    run: (c, fx) => c.staff.invoices.createDraft({ tenantId: fx.A.tenant.id, description: 'isolation case', lines: [{ description: 'line', quantity: '1', unitPrice: '1' }], reason: 'isolation case' }),
  },
  'staff.invoices.finalize': { kind: 'staff', type: 'mutation', run: (c, fx) => c.staff.invoices.finalize({ tenantId: fx.A.tenant.id, invoiceId: fx.invoiceA }) },
  'staff.invoices.void': { kind: 'staff', type: 'mutation', run: (c, fx) => c.staff.invoices.void({ tenantId: fx.A.tenant.id, invoiceId: fx.invoiceA, reason: 'isolation case' }) },
  'staff.invoices.refund': { kind: 'staff', type: 'mutation', run: (c, fx) => c.staff.invoices.refund({ tenantId: fx.A.tenant.id, invoiceId: fx.invoiceA, to: 'credit', reason: 'isolation case' }) },
  'staff.invoices.settle': { kind: 'staff', type: 'mutation', run: (c, fx) => c.staff.invoices.settle({ tenantId: fx.A.tenant.id, invoiceId: fx.invoiceA, reference: 'BANK-REF-1', reason: 'isolation case' }) },
  'staff.invoices.attempts': { kind: 'staff', type: 'query', run: (c, fx) => c.staff.invoices.attempts({ tenantId: fx.A.tenant.id, invoiceId: fx.invoiceA }) },
};
