import { sessionUserFromCookie } from '@/server/rest/credentials';
import { resolveTenantAccess } from '@/server/tenants/tenant-access';
import { tenantRoleAtLeast } from '@/server/auth/roles';
import { auditExportQuery } from '@/server/audit/schema';
import { auditCsv, csvHeaders, csvStream, queryFilters } from '@/server/audit/csv';
import { localDateString } from '@/server/time/zoned';
import { now } from '@/server/clock';

const text = (status: number, body: string) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * The tenant's audit log as CSV, filtered like the page and streamed in batches. Same check as
 * `audit.list`: the session's membership in this tenant (another tenant is 404), admin or owner.
 */
export async function GET(request: Request, context: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await context.params;
  const user = await sessionUserFromCookie(request);
  if (!user) return text(401, 'sign in first');
  const access = await resolveTenantAccess(user.id, tenantId);
  if (!access) return text(404, 'not found');
  if (!tenantRoleAtLeast(access.role, 'admin')) return text(403, 'this needs the admin role or higher');
  const filters = auditExportQuery.safeParse(queryFilters(new URL(request.url)));
  if (!filters.success) return text(400, 'bad filters');
  const timeZone = access.tenant.billingTimezone;
  const filename = `audit-${access.tenantId}-${localDateString(now(), timeZone)}.csv`;
  return new Response(csvStream(auditCsv(filters.data, { tenantId: access.tenantId, timeZone })), { headers: csvHeaders(filename) });
}
