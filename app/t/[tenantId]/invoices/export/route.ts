import { plainText, portalDownloadAccess } from '@/server/rest/portal-download';
import { invoiceFilter } from '@/server/invoices/schema';
import { invoicesCsv } from '@/server/invoices/csv';
import { csvHeaders, csvStream, queryFilters } from '@/server/platform/csv';
import { localDateString } from '@/server/time/zoned';
import { now } from '@/server/clock';

/**
 * The invoices table as CSV, filtered like the page (the same query parameters) and streamed in
 * batches. Same check as `invoices.list`: a member of this tenant, or staff impersonating it
 * (another tenant is 404); every member reads invoices.
 */
export async function GET(request: Request, context: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await context.params;
  const access = await portalDownloadAccess(request, tenantId);
  if (access instanceof Response) return access;
  const filters = invoiceFilter.safeParse(queryFilters(new URL(request.url)));
  if (!filters.success) return plainText(400, 'bad filters');
  const timeZone = access.tenant.billingTimezone;
  const filename = `invoices-${access.tenantId}-${localDateString(now(), timeZone)}.csv`;
  return new Response(csvStream(invoicesCsv(filters.data, { tenantId: access.tenantId, timeZone })), { headers: csvHeaders(filename) });
}
