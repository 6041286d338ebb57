import type { AuditRow } from './schema';
import { auditRowsInBatches, type AuditScope } from './list-audit';
import type { AuditFilter } from './schema';
import { csvLine } from '../platform/csv';

/** The generic CSV helpers live in server/platform/csv.ts; re-exported for the audit export routes. */
export { csvCell, csvHeaders, csvLine, csvStream, queryFilters } from '../platform/csv';

export const AUDIT_CSV_COLUMNS = [
  'created_at', 'tenant_id', 'actor_kind', 'actor_user_id', 'actor_email', 'api_key_id', 'impersonator_user_id', 'impersonator_email',
  'impersonation_reason', 'action', 'target_type', 'target_id', 'ip', 'request_id', 'before', 'after',
] as const;

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
