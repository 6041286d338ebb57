import { Decimal, money, type DecimalLike } from '../money';
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

/**
 * Seed 000/001 BillingRecordResponse, the one mapping (the seed-001 list and the compliance export):
 * amounts stay Decimals for the one JSON writer; quantities are whole units, half up. Keys in wire
 * (alphabetical) order: the export writes the object as it is, without a schema parse to reorder it.
 */
export function toBillingRecordResponse(record: BillingRecordRow): BillingRecordResponse {
  return {
    amount: money(record.amount), app_id: record.appId ?? '', created_at: rfc3339(record.createdAt), currency: record.currency,
    description: record.description, invoice_number: record.invoiceNumber ?? '',
    line_items: record.lineItems.map((line) => ({
      amount: money(line.amount), description: line.description, quantity: money(line.quantity).toDecimalPlaces(0, Decimal.ROUND_HALF_UP),
      resource_type: line.resourceType, tax_amount: money(line.taxAmount), tax_rate: money(line.taxRate), unit_price: money(line.unitPrice),
    })),
    record_id: record.id, status: record.status as BillingRecordResponse['status'], tenant_id: record.tenantId, type: record.type as BillingRecordResponse['type'],
  };
}
