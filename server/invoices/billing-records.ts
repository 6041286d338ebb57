import { prisma } from '../db';
import { Decimal, money } from '../money';
import { rfc3339 } from '../time/rfc3339';
import type { BillingRecordList, BillingRecordResponse, BillingRecordsQuery } from './records-schema';

const DEFAULT_PAGE_SIZE = 20;

type RecordWithLines = Awaited<ReturnType<typeof readRecords>>[number];

function readRecords(tenantId: string, appId: string | undefined, skip: number, take: number) {
  return prisma.billingRecord.findMany({
    where: { tenantId, ...(appId ? { appId } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip,
    take,
    include: { lineItems: { orderBy: { position: 'asc' } } },
  });
}

/** Seed 000/001 BillingRecordResponse: amounts stay Decimals for the one JSON writer; quantities are whole units, half up. */
export function toBillingRecordResponse(record: RecordWithLines): BillingRecordResponse {
  return {
    amount: money(record.amount), app_id: record.appId ?? '', created_at: rfc3339(record.createdAt), currency: record.currency,
    description: record.description, invoice_number: record.invoiceNumber ?? '', record_id: record.id, status: record.status,
    tenant_id: record.tenantId, type: record.type,
    line_items: record.lineItems.map((line) => ({
      amount: money(line.amount), description: line.description, quantity: money(line.quantity).toDecimalPlaces(0, Decimal.ROUND_HALF_UP),
      resource_type: line.resourceType, tax_amount: money(line.taxAmount), tax_rate: money(line.taxRate), unit_price: money(line.unitPrice),
    })),
  };
}

/** Seed 001: one page of the tenant's billing records, newest first, with the page facts. A page past the end is empty, not an error. */
export async function listBillingRecords(tenantId: string, query: BillingRecordsQuery): Promise<BillingRecordList> {
  const page = query.page ?? 1;
  const pageSize = query.page_size ?? DEFAULT_PAGE_SIZE;
  const [records, total] = await Promise.all([
    readRecords(tenantId, query.app_id, (page - 1) * pageSize, pageSize),
    prisma.billingRecord.count({ where: { tenantId, ...(query.app_id ? { appId: query.app_id } : {}) } }),
  ]);
  const totalPages = Math.ceil(total / pageSize);
  return {
    items: records.map(toBillingRecordResponse),
    total,
    pagination: { page, page_size: pageSize, total, total_pages: totalPages, has_next: page < totalPages, has_prev: page > 1 },
  };
}
