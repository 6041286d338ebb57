import { prisma } from '../db';
import { now } from '../clock';
import { notFound } from '../errors';
import { money, toDecimalString } from '../money';
import type { InvoiceDetail } from './schema';
import { settlementOf } from './settlement';

/**
 * One invoice of the tenant with its lines in order, totals, credit applied, amount paid and due,
 * and the dates of its states. Another tenant's invoice id is as unknown as nobody's (404).
 */
export async function getInvoiceDetail(tenantId: string, invoiceId: string): Promise<InvoiceDetail> {
  const record = await prisma.billingRecord.findUnique({
    where: { tenantId_id: { tenantId, id: invoiceId } },
    include: { lineItems: { orderBy: { position: 'asc' } } },
  });
  if (!record) throw notFound('invoice', 'INVOICE_NOT_FOUND');
  const { creditApplied, amountPaid, amountDue, overdue } = settlementOf(record, now());
  return {
    id: record.id, invoiceNumber: record.invoiceNumber, type: record.type, status: record.status, description: record.description,
    appId: record.appId, currency: record.currency, subscriptionId: record.subscriptionId,
    periodStart: record.periodStart, periodEnd: record.periodEnd, createdAt: record.createdAt, dueAt: record.dueAt, overdue,
    subtotal: toDecimalString(record.subtotal), taxAmount: toDecimalString(record.taxAmount), amount: toDecimalString(record.amount),
    creditApplied: toDecimalString(creditApplied), amountPaid: toDecimalString(amountPaid), amountDue: toDecimalString(amountDue), refundedAmount: toDecimalString(record.refundedAmount),
    history: {
      createdAt: record.createdAt, finalizedAt: record.finalizedAt, dueAt: record.dueAt,
      paidAt: record.paidAt, voidedAt: record.voidedAt, refundedAt: record.refundedAt,
    },
    lines: record.lineItems.map((line) => ({
      position: line.position, resourceType: line.resourceType, description: line.description,
      quantity: toDecimalString(line.quantity), unitPrice: toDecimalString(line.unitPrice), amount: toDecimalString(line.amount),
      taxRate: toDecimalString(line.taxRate), taxAmount: toDecimalString(line.taxAmount), total: toDecimalString(money(line.amount).plus(money(line.taxAmount))),
      periodStart: line.periodStart, periodEnd: line.periodEnd,
    })),
  };
}
