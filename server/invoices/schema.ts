import { z } from 'zod';
import { BillingRecordStatus, BillingRecordType } from '../generated/prisma/enums';
import { decimalString } from '../money-schema';

/** A local calendar date, read in the tenant's billing timezone. */
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((value) => {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}, 'not a calendar date');

/** App ids as we make them (`app_…`); anything else cannot name an app and is refused, not searched. */
export const appIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an app id (letters, digits, _ and -, at most 64)');

/** Filters shared by the invoices page, `invoices.list` and the CSV export (the same names in the page's URL). */
export const invoiceFilterShape = {
  status: z.enum(BillingRecordStatus).optional(),
  type: z.enum(BillingRecordType).optional(),
  appId: appIdParam.optional(),
  /** Inclusive local dates of issue (created_at) in the tenant's billing timezone. */
  from: localDate.optional(),
  to: localDate.optional(),
};

const fromNotAfterTo = (value: { from?: string | undefined; to?: string | undefined }) => !value.from || !value.to || value.from <= value.to;
const ORDER_MESSAGE = { message: '`from` must not be after `to`', path: ['to'] };

export const invoiceFilter = z.strictObject(invoiceFilterShape).refine(fromNotAfterTo, ORDER_MESSAGE);
export type InvoiceFilter = z.output<typeof invoiceFilter>;

export const invoiceListInput = z.strictObject({
  ...invoiceFilterShape,
  /** Opaque keyset cursor from the previous answer's `olderCursor` or `newerCursor`. */
  cursor: z.string().max(200).nullish(),
  /** Which way the cursor pages: `older` (the next page, the default) or `newer` (back). */
  direction: z.enum(['older', 'newer']).default('older'),
  limit: z.number().int().min(1).max(100).default(20),
}).refine(fromNotAfterTo, ORDER_MESSAGE);
export type InvoiceListInput = z.output<typeof invoiceListInput>;

/** One row of the invoices table. Money is a decimal string with its exact digits. */
export const invoiceRow = z.object({
  id: z.string(),
  /** Null while draft: a number is given at finalization (gapless). */
  invoiceNumber: z.string().nullable(),
  type: z.enum(BillingRecordType),
  status: z.enum(BillingRecordStatus),
  description: z.string(),
  appId: z.string().nullable(),
  currency: z.string(),
  /** What the invoice comes to: Σ (line amount + line tax). */
  amount: decimalString,
  /** What is still owed after credit and payments (0 unless open or failed). */
  amountDue: decimalString,
  createdAt: z.date(),
  dueAt: z.date().nullable(),
  /** Open or failed and past its due date. */
  overdue: z.boolean(),
});
export type InvoiceRow = z.infer<typeof invoiceRow>;

export const invoicePage = z.object({
  items: z.array(invoiceRow),
  /** Invoices matching the filters, on every page. */
  total: z.number().int(),
  olderCursor: z.string().nullable(),
  newerCursor: z.string().nullable(),
});
export type InvoicePage = z.infer<typeof invoicePage>;

/** The record id (`rec_…`): drafts have no number yet, so the id, not the number, names an invoice in the portal. */
export const invoiceDetailInput = z.strictObject({ invoiceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an invoice id') });
export type InvoiceDetailInput = z.output<typeof invoiceDetailInput>;

export const invoiceLine = z.object({
  position: z.number().int(),
  resourceType: z.string(),
  description: z.string(),
  quantity: decimalString,
  unitPrice: decimalString,
  /** Before tax: quantity × unit price, half up to the minor unit. */
  amount: decimalString,
  taxRate: decimalString,
  taxAmount: decimalString,
  /** amount + taxAmount. */
  total: decimalString,
  periodStart: z.date().nullable(),
  periodEnd: z.date().nullable(),
});

export const invoiceDetail = invoiceRow.extend({
  subscriptionId: z.string().nullable(),
  periodStart: z.date().nullable(),
  periodEnd: z.date().nullable(),
  subtotal: decimalString,
  taxAmount: decimalString,
  creditApplied: decimalString,
  /** Settled by a payment method (the part credit did not cover); refunded invoices keep what was paid. */
  amountPaid: decimalString,
  /** Refunded so far by finance (to the card and as credit); a partially refunded invoice stays `paid`. */
  refundedAmount: decimalString,
  /** When the invoice moved through its states; null where it has not (yet). */
  history: z.object({
    createdAt: z.date(),
    finalizedAt: z.date().nullable(),
    dueAt: z.date().nullable(),
    paidAt: z.date().nullable(),
    voidedAt: z.date().nullable(),
    refundedAt: z.date().nullable(),
  }),
  lines: z.array(invoiceLine),
});
export type InvoiceDetail = z.infer<typeof invoiceDetail>;
