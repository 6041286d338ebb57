import { plainText, portalDownloadAccess } from '@/server/rest/portal-download';
import { auditExportQuery } from '@/server/audit/schema';
import { auditCsv, csvHeaders, csvStream, queryFilters } from '@/server/audit/csv';
import { localDateString } from '@/server/time/zoned';
import { now } from '@/server/clock';

/**
 * The tenant's audit log as CSV, filtered like the page and streamed in batches. Same check as
 * `audit.list`: the session's membership in this tenant, or staff impersonating it (another tenant is 404), admin or owner.
 */
export async function GET(request: Request, context: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await context.params;
  const access = await portalDownloadAccess(request, tenantId, 'admin');
  if (access instanceof Response) return access;
  const filters = auditExportQuery.safeParse(queryFilters(new URL(request.url)));
  if (!filters.success) return plainText(400, 'bad filters');
  const timeZone = access.tenant.billingTimezone;
  const filename = `audit-${access.tenantId}-${localDateString(now(), timeZone)}.csv`;
  return new Response(csvStream(auditCsv(filters.data, { tenantId: access.tenantId, timeZone })), { headers: csvHeaders(filename) });
}
