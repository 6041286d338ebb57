import type { AuditRow } from './schema';
import { auditRowsInBatches, type AuditScope } from './list-audit';
import type { AuditFilter } from './schema';

export const AUDIT_CSV_COLUMNS = [
  'created_at', 'tenant_id', 'actor_kind', 'actor_user_id', 'actor_email', 'api_key_id', 'impersonator_user_id', 'impersonator_email',
  'impersonation_reason', 'action', 'target_type', 'target_id', 'ip', 'request_id', 'before', 'after',
] as const;

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`
 * (or a tab / carriage return, which some spreadsheets skip before a formula) gets a leading `'`.
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

export function auditCsvLine(row: AuditRow): string {
  return csvLine([
    row.createdAt.toISOString(), row.tenantId, row.actorKind, row.actor?.id, row.actor?.email, row.apiKeyId, row.impersonator?.id,
    row.impersonator?.email, row.impersonator?.reason, row.action, row.targetType, row.targetId, row.ip, row.requestId, json(row.before), json(row.after),
  ]);
}

/** The filtered rows as CSV text, a header line then one chunk per batch read: nothing holds the whole log in memory. */
export async function* auditCsv(filter: AuditFilter, scope: AuditScope): AsyncGenerator<string> {
  yield csvLine([...AUDIT_CSV_COLUMNS]);
  for await (const batch of auditRowsInBatches(filter, scope)) yield batch.map(auditCsvLine).join('');
}

/** Pulls the next chunk only when the client has read the last one (back-pressure), so a long export never piles up. */
export function csvStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export function csvHeaders(filename: string): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}

/** The query string as the export's filters: blank parameters are absent ones. */
export function queryFilters(url: URL): Record<string, string> {
  return Object.fromEntries([...url.searchParams.entries()].filter(([, value]) => value.trim() !== ''));
}
