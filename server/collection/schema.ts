import { z } from 'zod';
import { BillingRecordStatus, BillingRecordType, PaymentAttemptKind, PaymentAttemptStatus } from '../generated/prisma/enums';
import { decimalString, nonNegativeDecimalInput } from '../money-schema';

const tenantId = z.string().regex(/^tnt_[A-Za-z0-9_]{2,40}$/);
const invoiceId = z.string().regex(/^rec_[A-Za-z0-9_]{2,40}$/);
/** Every finance action says why (it is in the audit row). */
const reason = z.string().trim().min(3).max(500);
const positiveDecimal = nonNegativeDecimalInput.refine((v) => /[1-9]/.test(v), 'must be above zero');

export const invoiceRef = z.strictObject({ tenantId, invoiceId });
export type InvoiceRef = z.output<typeof invoiceRef>;

/** `staff.invoices.createDraft`: an adjustment invoice with its lines, priced at the tenant's tax rate; numbered only when finalized. */
export const createDraftInput = z.strictObject({
  tenantId,
  description: z.string().trim().min(1).max(500),
  lines: z.array(z.strictObject({
    description: z.string().trim().min(1).max(500),
    quantity: positiveDecimal,
    unitPrice: positiveDecimal.describe('before tax, in the tenant\'s currency'),
  })).min(1).max(100),
  reason,
});
export type CreateDraftInput = z.output<typeof createDraftInput>;

export const finalizeInput = invoiceRef;
export const voidInput = z.strictObject({ tenantId, invoiceId, reason });
export type VoidInput = z.output<typeof voidInput>;
/**
 * `to: 'card'` refunds through the provider the charge that paid the invoice; `to: 'credit'` grants
 * it as credit (source `refund`). Without `amount`, the whole remainder (what is not refunded yet),
 * and a card refund then also gives back as credit any part the invoice took from credit. With
 * `amount`, that much only (a partial refund; to the card at most what the card paid), and an
 * `idempotencyKey` is required: two identical partial refunds may be meant, so only the key tells a
 * retry from a second refund (Stripe's Idempotency-Key). A key once used on an invoice replays its
 * first outcome; with a different destination or amount it is 409.
 */
export const refundInput = z.strictObject({
  tenantId, invoiceId, to: z.enum(['card', 'credit']), reason,
  amount: positiveDecimal.optional().describe('a decimal string in the invoice\'s currency, at most its minor unit\'s places; absent = the whole remainder'),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, '8 to 100 letters, digits, - or _').optional(),
}).refine((input) => input.amount === undefined || input.idempotencyKey !== undefined, { message: 'a partial refund needs an idempotencyKey', path: ['idempotencyKey'] });
export type RefundInput = z.output<typeof refundInput>;
/** A bank transfer arrived: finance marks the invoice paid with the bank's reference. */
export const settleInput = z.strictObject({ tenantId, invoiceId, reference: z.string().trim().min(3).max(128), reason });
export type SettleInput = z.output<typeof settleInput>;

export const invoiceView = z.object({
  id: z.string(),
  invoiceNumber: z.string().nullable(),
  type: z.enum(BillingRecordType),
  status: z.enum(BillingRecordStatus),
  description: z.string(),
  currency: z.string(),
  amount: decimalString,
  creditAppliedAmount: decimalString,
  /** Refunded so far (card and credit); a partially refunded invoice stays `paid`. */
  refundedAmount: decimalString,
  finalizedAt: z.date().nullable(),
  paidAt: z.date().nullable(),
  voidedAt: z.date().nullable(),
  refundedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type InvoiceView = z.infer<typeof invoiceView>;

/** Why an attempt was made, read from its attempt key (attempts.ts): a dunning step, the retry after a payment-method change, finance's settlement or refund, or giving back a charge that landed on a settled invoice. */
export const ATTEMPT_ORIGINS = ['dunning', 'method_change', 'settlement', 'refund', 'stray_charge'] as const;
export type AttemptOrigin = (typeof ATTEMPT_ORIGINS)[number];

export const paymentAttemptView = z.object({
  id: z.string(),
  attemptNumber: z.number().int(),
  kind: z.enum(PaymentAttemptKind),
  origin: z.enum(ATTEMPT_ORIGINS),
  step: z.number().int().nullable(),
  status: z.enum(PaymentAttemptStatus),
  amount: decimalString,
  currency: z.string(),
  provider: z.string(),
  providerChargeId: z.string().nullable(),
  providerRefundId: z.string().nullable(),
  declineCode: z.string().nullable(),
  declineMessage: z.string().nullable(),
  method: z.object({ kind: z.string(), brand: z.string().nullable(), last4: z.string().nullable() }).nullable(),
  createdAt: z.date(),
});
export type PaymentAttemptView = z.infer<typeof paymentAttemptView>;

export const paymentAttemptsInput = z.strictObject({ invoiceId });
export const staffPaymentAttemptsInput = z.strictObject({ tenantId, invoiceId });
export const paymentAttemptList = z.object({ attempts: z.array(paymentAttemptView) });
