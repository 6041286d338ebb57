import { sessionUserFromCookie } from '@/server/rest/credentials';
import { resolveCallerAccess } from '@/server/tenants/tenant-access';
import { invoiceFilter } from '@/server/invoices/schema';
import { invoicesCsv } from '@/server/invoices/csv';
import { csvHeaders, csvStream, queryFilters } from '@/server/platform/csv';
import { localDateString } from '@/server/time/zoned';
import { now } from '@/server/clock';
import { impersonationActor, recordImpersonatedRequest } from '@/server/impersonation/access';
import { requestMetaFrom } from '@/server/platform/request-meta';

const text = (status: number, body: string) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * The invoices table as CSV, filtered like the page (the same query parameters) and streamed in
 * batches. Same check as `invoices.list`: a member of this tenant, or staff impersonating it
 * (another tenant is 404); every member reads invoices.
 */
export async function GET(request: Request, context: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await context.params;
  const user = await sessionUserFromCookie(request);
  if (!user) return text(401, 'sign in first');
  const access = await resolveCallerAccess(user, tenantId);
  if (!access?.role) return text(404, 'not found');
  // Staff acting as the tenant: the download is on the record, as every impersonated request is.
  if (access.impersonation) {
    const actor = impersonationActor(user.id, access.impersonation.id, requestMetaFrom(request.headers));
    await recordImpersonatedRequest(actor, access.tenantId, { transport: 'rest', target: `GET ${new URL(request.url).pathname}`, type: 'GET' });
  }
  const filters = invoiceFilter.safeParse(queryFilters(new URL(request.url)));
  if (!filters.success) return text(400, 'bad filters');
  const timeZone = access.tenant.billingTimezone;
  const filename = `invoices-${access.tenantId}-${localDateString(now(), timeZone)}.csv`;
  return new Response(csvStream(invoicesCsv(filters.data, { tenantId: access.tenantId, timeZone })), { headers: csvHeaders(filename) });
}
