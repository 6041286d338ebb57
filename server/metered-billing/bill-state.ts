import type { Tx } from '../transaction';
import { now } from '../clock';
import type { BillState, BillingRecordStatus } from '../generated/prisma/enums';

/**
 * A bill's BS_* state follows the invoice(s) that billed its lines (seed 004): the one place that
 * decides it. A refunded invoice was paid (its refund is CT_REFUND lines of their own, on the bill of
 * the refund's month: server/metered-billing/refund-lines.ts); void → canceled.
 */
export function billStateForInvoice(status: BillingRecordStatus): BillState {
  switch (status) {
    case 'draft': return 'pending';
    case 'open': return 'due';
    case 'paid': case 'refunded': return 'paid';
    case 'failed': return 'failed';
    case 'void': return 'canceled';
  }
}

/** When a month's bill holds lines of several invoices, the one still owed speaks first. */
const PRECEDENCE: BillState[] = ['failed', 'due', 'paying', 'pending', 'writeoff', 'paid', 'canceled'];

/**
 * The hook other code calls after an invoice's status changed (issued, paid, failed, voided,
 * refunded): every bill holding a line of that invoice gets its state recomputed from all the
 * invoices that billed its lines, and points at the latest of them.
 */
export async function syncBillsOfInvoice(tx: Tx, tenantId: string, billingRecordId: string): Promise<void> {
  const bills = await tx.chargeLine.findMany({ where: { tenantId, billingRecordId }, distinct: ['billId'], select: { billId: true } });
  await syncBills(tx, tenantId, bills.map((b) => b.billId));
}

export async function syncBills(tx: Tx, tenantId: string, billIds: string[]): Promise<void> {
  for (const billId of [...new Set(billIds)].sort()) {
    // Refund lines name the invoice they refund, but that invoice did not bill them: they never decide a bill's state.
    const linked = await tx.chargeLine.findMany({ where: { tenantId, billId, billingRecordId: { not: null }, consumeType: { not: 'refund' } }, distinct: ['billingRecordId'], select: { billingRecordId: true } });
    const records = await tx.billingRecord.findMany({
      where: { tenantId, id: { in: linked.map((l) => l.billingRecordId!) } }, select: { id: true, status: true, createdAt: true }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    if (records.length === 0) continue;
    const states = records.map((r) => billStateForInvoice(r.status));
    const state = PRECEDENCE.find((s) => states.includes(s))!;
    await tx.bill.update({ where: { tenantId_id: { tenantId, id: billId } }, data: { state, billingRecordId: records[0]!.id, updatedAt: now() } });
  }
}
