import { hotQuery } from '../db';
import { FROM_CANONICAL_TEXT, toBillingRecordResponse } from './billing-record-response';
import { billingRecordsPageSql, type BillingRecordsPageRow } from './records-sql';
import type { BillingRecordList, BillingRecordsQuery } from './records-schema';

const DEFAULT_PAGE_SIZE = 20;
const PAGE_SQL = { all: billingRecordsPageSql(false), byApp: billingRecordsPageSql(true) };

/**
 * Seed 001: one page of the tenant's billing records, newest first, with the page facts. A page past the end is empty, not an error.
 * One statement (records-sql.ts) reads the count, the page and its lines: this list is the seed's hot read.
 * Built in the wire's exact shape and key order (the guard writes it without a schema parse: exactResponse).
 */
export async function listBillingRecords(tenantId: string, query: BillingRecordsQuery): Promise<BillingRecordList> {
  const page = query.page ?? 1;
  const pageSize = query.page_size ?? DEFAULT_PAGE_SIZE;
  const offset = (page - 1) * pageSize;
  const rows = query.app_id
    ? await hotQuery<BillingRecordsPageRow>(PAGE_SQL.byApp, [tenantId, pageSize, offset, query.app_id])
    : await hotQuery<BillingRecordsPageRow>(PAGE_SQL.all, [tenantId, pageSize, offset]);
  const total = Number(rows[0]?.total ?? 0);
  const totalPages = Math.ceil(total / pageSize);
  const items = rows.flatMap((row) => (row.id === null ? [] : [toBillingRecordResponse({
    id: row.id, tenantId: row.tenant_id, appId: row.app_id, invoiceNumber: row.invoice_number, type: row.type, status: row.status,
    description: row.description, currency: row.currency, amount: row.amount, createdAt: row.created_at, lineItems: row.line_items,
  }, FROM_CANONICAL_TEXT)]));
  return {
    items,
    total,
    pagination: { has_next: page < totalPages, has_prev: page > 1, page, page_size: pageSize, total, total_pages: totalPages },
  };
}
