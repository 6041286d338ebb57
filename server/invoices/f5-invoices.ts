import { prisma } from '../db';
import { now } from '../clock';
import type { BillingRecordStatus } from '../generated/prisma/enums';
import { toMinorUnitsString } from '../money';
import { rfc3339 } from '../time/rfc3339';
import { F5_INVOICE_LIMIT_DEFAULT, type F5InvoiceStatus, type ListInvoicesQuery, type ListInvoicesResponse } from './f5-schema';
import { settlementOf } from './settlement';

/**
 * Our status as F5's InvoiceStatus (WIRE.md): open → ISSUED; failed (a charge was declined and
 * collection retries within the grace period) → PENDING; either past its due date → OVERDUE;
 * paid → PAID, refunded → REFUNDED, void → CANCELLED. Drafts are never listed.
 */
export function f5InvoiceStatus(status: Exclude<BillingRecordStatus, 'draft'>, overdue: boolean): F5InvoiceStatus {
  if (overdue) return 'OVERDUE';
  const map: Record<Exclude<BillingRecordStatus, 'draft'>, F5InvoiceStatus> = {
    open: 'STATUS_ISSUED', failed: 'STATUS_PENDING', paid: 'STATUS_PAID', refunded: 'STATUS_REFUNDED', void: 'STATUS_CANCELLED',
  };
  return map[status];
}

/** F5 ListInvoices: the tenant's numbered invoices, newest issue date first (ties by id), at most `limit`. */
export async function listF5Invoices(tenantId: string, query: ListInvoicesQuery): Promise<ListInvoicesResponse> {
  const records = await prisma.billingRecord.findMany({
    where: { tenantId, status: { not: 'draft' }, invoiceNumber: { not: null } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit ?? F5_INVOICE_LIMIT_DEFAULT,
    select: { invoiceNumber: true, status: true, amount: true, creditAppliedAmount: true, currency: true, dueAt: true, periodStart: true, periodEnd: true },
  });
  const at = now();
  return {
    invoices: records.map((record) => {
      const { overdue } = settlementOf(record, at);
      const status = record.status as Exclude<BillingRecordStatus, 'draft'>;
      return {
        name: record.invoiceNumber!,
        active: status === 'open' || status === 'failed',
        amount: toMinorUnitsString(record.amount, record.currency),
        currency: record.currency,
        ...(record.periodStart ? { period_start: rfc3339(record.periodStart) } : {}),
        ...(record.periodEnd ? { period_end: rfc3339(record.periodEnd) } : {}),
        status: f5InvoiceStatus(status, overdue),
      };
    }),
  };
}
