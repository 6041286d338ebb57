import { toDecimalString } from '../money';
import { prisma } from '../db';
import { notFound } from '../errors';
import type { Tx } from '../transaction';
import type { AttemptOrigin, InvoiceView, PaymentAttemptView } from './schema';

export const INVOICE_VIEW_SELECT = {
  id: true, invoiceNumber: true, type: true, status: true, description: true, currency: true, amount: true, creditAppliedAmount: true, refundedAmount: true,
  finalizedAt: true, paidAt: true, voidedAt: true, refundedAt: true, createdAt: true,
} as const;

type InvoiceRow = { [K in keyof typeof INVOICE_VIEW_SELECT]: K extends 'amount' | 'creditAppliedAmount' | 'refundedAmount' ? { toFixed(): string } : InvoiceView[K & keyof InvoiceView] };

export function invoiceViewOf(row: InvoiceRow): InvoiceView {
  return { ...row, amount: toDecimalString(row.amount), creditAppliedAmount: toDecimalString(row.creditAppliedAmount), refundedAmount: toDecimalString(row.refundedAmount) };
}

/** The invoice as finance actions answer it. */
export function invoiceViewById(db: Pick<Tx, 'billingRecord'>, tenantId: string, invoiceId: string): Promise<InvoiceView> {
  return db.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: invoiceId } }, select: INVOICE_VIEW_SELECT }).then(invoiceViewOf);
}

/** The attempt key's prefix names its cause (`step:`, `retry:`, `settle:`, `refund:`, `stray:`). */
export function attemptOrigin(attemptKey: string, kind: 'charge' | 'refund'): AttemptOrigin {
  const prefix = attemptKey.slice(0, attemptKey.indexOf(':'));
  if (prefix === 'retry') return 'method_change';
  if (prefix === 'settle') return 'settlement';
  if (prefix === 'stray') return 'stray_charge';
  return kind === 'refund' ? 'refund' : 'dunning';
}

/** An invoice's payment attempts, oldest first, with the method's display facts (never its token); 404 when the tenant has no such invoice. */
export async function listPaymentAttempts(tenantId: string, invoiceId: string): Promise<PaymentAttemptView[]> {
  const invoice = await prisma.billingRecord.findUnique({ where: { tenantId_id: { tenantId, id: invoiceId } }, select: { id: true } });
  if (!invoice) throw notFound('invoice', 'INVOICE_NOT_FOUND');
  const attempts = await prisma.paymentAttempt.findMany({ where: { tenantId, billingRecordId: invoiceId }, orderBy: { attemptNumber: 'asc' } });
  const methodIds = [...new Set(attempts.map((a) => a.paymentMethodId).filter((id): id is string => id !== null))];
  const methods = await prisma.paymentMethod.findMany({ where: { tenantId, id: { in: methodIds } }, select: { id: true, kind: true, brand: true, last4: true } });
  const byId = new Map(methods.map((m) => [m.id, m]));
  return attempts.map((a) => {
    const method = a.paymentMethodId ? byId.get(a.paymentMethodId) : undefined;
    return {
      id: a.id, attemptNumber: a.attemptNumber, kind: a.kind, origin: attemptOrigin(a.attemptKey, a.kind), step: a.step, status: a.status, amount: toDecimalString(a.amount), currency: a.currency,
      provider: a.provider, providerChargeId: a.providerChargeId, providerRefundId: a.providerRefundId, declineCode: a.declineCode, declineMessage: a.declineMessage,
      method: method ? { kind: method.kind, brand: method.brand, last4: method.last4 } : null, createdAt: a.createdAt,
    };
  });
}
