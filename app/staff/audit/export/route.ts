import { sessionUserFromCookie } from '@/server/auth/session-cookie';
import { staffRoleAtLeast } from '@/server/auth/roles';
import { staffAuditExportQuery } from '@/server/audit/schema';
import { auditCsv, csvHeaders, csvStream, queryFilters } from '@/server/audit/csv';
import { localDateString } from '@/server/time/zoned';
import { now } from '@/server/clock';

const text = (status: number, body: string) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/** Every tenant's audit rows as CSV (dates in UTC), filtered like `staff.audit.list`; any staff role. */
export async function GET(request: Request) {
  const user = await sessionUserFromCookie(request);
  if (!user) return text(401, 'sign in first');
  if (!user.staffRole || !staffRoleAtLeast(user.staffRole, 'support')) return text(403, 'staff only');
  const filters = staffAuditExportQuery.safeParse(queryFilters(new URL(request.url)));
  if (!filters.success) return text(400, 'bad filters');
  const filename = `audit-${localDateString(now(), 'UTC')}.csv`;
  return new Response(csvStream(auditCsv(filters.data, { tenantId: null, timeZone: 'UTC' })), { headers: csvHeaders(filename) });
}
