/** F5 DownloadInvoicePdf (`usage/invoice_pdf?name=`) wire shapes (JSON schema in test/fixtures/f5-billing-schemas.json). */
import { z } from 'zod';

/**
 * `name`: the invoice number. F5 marks it optional, but a download names one invoice: without it
 * (or with something that cannot be an invoice number) the answer is 400, never a guess.
 */
export const invoicePdfQuery = z.strictObject({
  name: z.string({ error: 'name (the invoice number) is required' }).min(1, 'name (the invoice number) is required').max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'name must be an invoice number such as INV-2026-001')
    .describe('the invoice number, e.g. INV-2026-001'),
});
export type InvoicePdfQuery = z.output<typeof invoicePdfQuery>;

/** `{pdf}`: the whole PDF file, base64 (F5's `format: byte`), inside JSON as F5 documents it. */
export const invoicePdfResponse = z.object({ pdf: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/) });
export type InvoicePdfResponse = z.infer<typeof invoicePdfResponse>;
