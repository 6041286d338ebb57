/** Seed 001 (`GET /billing/records/{tenant_id}`) wire shapes: query, BillingRecordResponse (seed 000), the list body. */
import { z } from 'zod';
import { wireDecimalOrTextNumber } from '../money-schema';
import { appIdParam } from './schema';

/** A whole number in a query string: digits only (no sign, fraction, exponent or blank), then bounded. */
const queryInteger = (min: number, max: number, what: string) =>
  z.string().regex(/^\d{1,9}$/, `${what} must be a whole number`).transform(Number).pipe(z.number().int().min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`));

/** `page` ≥ 1 (default 1), `page_size` 1–100 (default 20), optional `app_id`; any other parameter → 400 (WIRE.md). */
export const billingRecordsQuery = z.strictObject({
  page: queryInteger(1, 1_000_000, 'page').optional().describe('1-based page number; default 1'),
  page_size: queryInteger(1, 100, 'page_size').optional().describe('records per page, 1–100; default 20'),
  app_id: appIdParam.optional().describe('only records of this app'),
});
export type BillingRecordsQuery = z.output<typeof billingRecordsQuery>;

export const billingRecordsParams = z.strictObject({ tenant_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a tenant id') });

/**
 * Money the seed types `number`: the list hands over the database's digits (DecimalText), the
 * export Decimals; the one JSON writer (server/json.ts) prints either exactly, never through a float.
 */
const wireNumber = (description?: string) => (description ? wireDecimalOrTextNumber.describe(description) : wireDecimalOrTextNumber);
const instant = z.string().describe('RFC 3339 UTC');

export const invoiceLineItemResponse = z.object({
  amount: wireNumber('quantity × unit_price before tax, half up to the minor unit'),
  description: z.string(),
  quantity: wireNumber('whole units (integer)'),
  resource_type: z.string(),
  tax_amount: wireNumber(),
  tax_rate: wireNumber(),
  unit_price: wireNumber(),
});

export const billingRecordResponse = z.object({
  amount: wireNumber('Σ (line amount + line tax_amount)'),
  app_id: z.string().describe('"" when the record belongs to no single app'),
  created_at: instant,
  currency: z.string(),
  description: z.string(),
  invoice_number: z.string().describe('"" while draft (numbered at finalization)'),
  line_items: z.array(invoiceLineItemResponse),
  record_id: z.string(),
  status: z.enum(['draft', 'open', 'paid', 'failed', 'void', 'refunded']),
  tenant_id: z.string(),
  type: z.enum(['subscription', 'proration', 'usage', 'addon', 'adjustment']),
});
export type BillingRecordResponse = z.infer<typeof billingRecordResponse>;

export const pageInfo = z.object({
  has_next: z.boolean(), has_prev: z.boolean(), page: z.number().int(), page_size: z.number().int(), total: z.number().int(), total_pages: z.number().int(),
});

/** The list fields; the records envelope (server/rest/envelopes.ts) puts code, message and timestamp beside them. */
export const billingRecordList = z.object({
  items: z.array(billingRecordResponse).describe('newest created_at first, ties by record_id descending'),
  total: z.number().int(),
  pagination: pageInfo,
});
export type BillingRecordList = z.infer<typeof billingRecordList>;
