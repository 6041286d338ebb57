import { sessionUserFromCookie } from '@/server/auth/session-cookie';
import { resolveTenantAccess } from '@/server/tenants/tenant-access';
import { csvHeaders, csvStream, queryFilters } from '@/server/audit/csv';
import { usageExportQuery } from '@/server/usage-dashboard/schema';
import { readUsageSeries } from '@/server/usage-dashboard/series';
import { usageCsv } from '@/server/usage-dashboard/csv';

const text = (status: number, body: string) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * What the usage chart shows, as CSV: the same query string as `usageDashboard.series` (granularity,
 * stackBy, resourceType, from, to) and the same numbers, streamed one bucket per chunk. Same check as
 * the procedure: the session's membership in this tenant (another tenant is 404), any role.
 */
export async function GET(request: Request, context: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await context.params;
  const user = await sessionUserFromCookie(request);
  if (!user) return text(401, 'sign in first');
  const access = await resolveTenantAccess(user.id, tenantId);
  if (!access) return text(404, 'not found');
  const query = usageExportQuery.safeParse(queryFilters(new URL(request.url)));
  if (!query.success) return text(400, query.error.issues.map((issue) => issue.message).join('; '));
  const result = await readUsageSeries(query.data, { tenantId: access.tenantId, timeZone: access.tenant.billingTimezone });
  const filename = `usage-${access.tenantId}-${result.granularity}-${result.from}-${result.to}.csv`;
  return new Response(csvStream(usageCsv(result)), { headers: csvHeaders(filename) });
}
