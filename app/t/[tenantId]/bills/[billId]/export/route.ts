import { billCsvFilename, billCsvQuery, billHourlyCsv } from '@/server/bills/csv';
import { csvHeaders, csvStream, queryFilters } from '@/server/platform/csv';
import { plainText, portalDownloadAccess } from '@/server/rest/portal-download';

/** The bill's hourly lines that match the page's filters, as CSV, streamed in keyset batches. */
export async function GET(request: Request, context: { params: Promise<{ tenantId: string; billId: string }> }) {
  const { tenantId, billId } = await context.params;
  const access = await portalDownloadAccess(request, tenantId);
  if (access instanceof Response) return access;
  const filters = billCsvQuery.safeParse(queryFilters(new URL(request.url)));
  if (!filters.success) return plainText(400, 'bad filters');
  const filename = await billCsvFilename(access.tenantId, billId);
  if (!filename) return plainText(404, 'not found');
  return new Response(csvStream(billHourlyCsv(access.tenantId, billId, filters.data)), { headers: csvHeaders(filename) });
}
