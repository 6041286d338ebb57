import { csvLine } from '../platform/csv';
import { rfc3339 } from '../time/rfc3339';
import { localDateString } from '../time/zoned';
import { invoicesInBatches, type InvoiceScope } from './list-invoices';
import type { InvoiceFilter, InvoiceRow } from './schema';

/** Machine-readable column names (as the APIs name the fields); money as exact decimal strings. */
export const INVOICE_CSV_COLUMNS = [
  'invoice_number', 'record_id', 'issued_on', 'created_at', 'type', 'status', 'overdue', 'description', 'app_id', 'currency', 'amount', 'amount_due', 'due_at',
] as const;

/** One row; `issued_on` is the local date in the tenant's billing timezone, `created_at` and `due_at` RFC 3339 UTC. */
export function invoiceCsvLine(row: InvoiceRow, timeZone: string): string {
  return csvLine([
    row.invoiceNumber, row.id, localDateString(row.createdAt, timeZone), rfc3339(row.createdAt), row.type, row.status, row.overdue ? 'true' : 'false',
    row.description, row.appId, row.currency, row.amount, row.amountDue, row.dueAt ? rfc3339(row.dueAt) : '',
  ]);
}

/** The filtered invoices as CSV text: a header line, then one chunk per batch read (never the whole list in memory). */
export async function* invoicesCsv(filter: InvoiceFilter, scope: InvoiceScope): AsyncGenerator<string> {
  yield csvLine([...INVOICE_CSV_COLUMNS]);
  for await (const batch of invoicesInBatches(filter, scope)) yield batch.map((row) => invoiceCsvLine(row, scope.timeZone)).join('');
}
