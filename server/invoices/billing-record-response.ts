import { Decimal, decimalText, money, type DecimalLike, type DecimalText } from '../money';
import { rfc3339 } from '../time/rfc3339';
import type { BillingRecordResponse } from './records-schema';

/** The printed columns of one billing line item, however it was read (a Prisma row, or numerics as text from SQL). */
export type BillingLineRow = {
  description: string; resourceType: string; quantity: DecimalLike; unitPrice: DecimalLike; amount: DecimalLike; taxRate: DecimalLike; taxAmount: DecimalLike;
};

/** The printed columns of one billing record with its lines in position order. */
export type BillingRecordRow = {
  id: string; tenantId: string; appId: string | null; invoiceNumber: string | null; type: string; status: string; description: string; currency: string;
  amount: DecimalLike; createdAt: Date; lineItems: readonly BillingLineRow[];
};

/** How a row's numerics become wire numbers: money as it is, quantities in whole units (half up). */
type Numerics = { money: (value: DecimalLike) => Decimal | DecimalText; wholeUnits: (value: DecimalLike) => Decimal | DecimalText };

/** From Decimals (a Prisma row) or any exact digits. */
export const FROM_DECIMALS: Numerics = { money, wholeUnits: (value) => money(value).toDecimalPlaces(0, Decimal.ROUND_HALF_UP) };

/**
 * From numerics the SQL already made canonical (records-sql.ts: trim_scale for money, round for
 * quantities): passed through to the wire as text, no Decimal built for a value nobody computes with.
 */
const passThrough = (value: DecimalLike) => decimalText(String(value));
export const FROM_CANONICAL_TEXT: Numerics = { money: passThrough, wholeUnits: passThrough };

/**
 * Seed 000/001 BillingRecordResponse, the one mapping (the seed-001 list and the compliance export):
 * amounts stay exact for the one JSON writer; quantities are whole units, half up. Keys in wire
 * (alphabetical) order: the export writes the object as it is, without a schema parse to reorder it.
 */
export function toBillingRecordResponse(record: BillingRecordRow, numerics: Numerics = FROM_DECIMALS): BillingRecordResponse {
  const { money: amount, wholeUnits } = numerics;
  return {
    amount: amount(record.amount), app_id: record.appId ?? '', created_at: rfc3339(record.createdAt), currency: record.currency,
    description: record.description, invoice_number: record.invoiceNumber ?? '',
    line_items: record.lineItems.map((line) => ({
      amount: amount(line.amount), description: line.description, quantity: wholeUnits(line.quantity),
      resource_type: line.resourceType, tax_amount: amount(line.taxAmount), tax_rate: amount(line.taxRate), unit_price: amount(line.unitPrice),
    })),
    record_id: record.id, status: record.status as BillingRecordResponse['status'], tenant_id: record.tenantId, type: record.type as BillingRecordResponse['type'],
  };
}
