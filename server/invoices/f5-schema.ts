/** F5 ListInvoices (`usage/invoices/custom_list`) wire shapes: query and Invoice (JSON schemas in test/fixtures/f5-billing-schemas.json). */
import { z } from 'zod';

export const F5_INVOICE_LIMIT_DEFAULT = 100;
export const F5_INVOICE_LIMIT_MAX = 1000;

/** `limit` (int32): how many invoices, newest issue date first; 1–1000, default 100. Unknown parameters → 400. */
export const listInvoicesQuery = z.strictObject({
  limit: z.string().regex(/^\d{1,9}$/, 'limit must be a whole number').transform(Number)
    .pipe(z.number().int().min(1, 'limit must be at least 1').max(F5_INVOICE_LIMIT_MAX, `limit must be at most ${F5_INVOICE_LIMIT_MAX}`))
    .optional().describe(`at most this many invoices, newest first; default ${F5_INVOICE_LIMIT_DEFAULT}`),
});
export type ListInvoicesQuery = z.output<typeof listInvoicesQuery>;

export const F5_INVOICE_STATUSES = ['STATUS_UNKNOWN', 'STATUS_ISSUED', 'STATUS_PENDING', 'STATUS_PAID', 'STATUS_REFUNDED', 'STATUS_CANCELLED', 'OVERDUE'] as const;
export type F5InvoiceStatus = (typeof F5_INVOICE_STATUSES)[number];

const rfc3339 = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

export const f5Invoice = z.object({
  /** The invoice number (drafts have none and are not listed). */
  name: z.string(),
  /** Still owed: open or failed. */
  active: z.boolean(),
  /** int64 minor units as a JSON string ("10494" for 104.94 CNY). */
  amount: z.string().regex(/^-?\d+$/),
  currency: z.string(),
  /** The billing period; absent for a one-off record without one (proto3 omits unset fields). */
  period_start: rfc3339.optional(),
  period_end: rfc3339.optional(),
  status: z.enum(F5_INVOICE_STATUSES),
});

export const listInvoicesResponse = z.object({ invoices: z.array(f5Invoice) });
export type ListInvoicesResponse = z.infer<typeof listInvoicesResponse>;
