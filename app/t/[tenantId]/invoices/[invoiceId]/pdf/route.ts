import { z } from 'zod';
import { plainText as text, portalDownloadAccess } from '@/server/rest/portal-download';
import { getInvoicePdf } from '@/server/invoice-pdf/invoice-pdf';
import { AppError } from '@/server/errors';

const downloadQuery = z.strictObject({ download: z.enum(['0', '1']).optional() });
const idParam = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/**
 * The invoice PDF for the portal (preview in a frame, or `?download=1` to save it). Same check as
 * the tenant pages' layout: the session's membership, or a staff member's active impersonation;
 * another tenant's invoice (or tenant) is 404. The ETag is the invoice version, so a browser
 * revalidates for free until the invoice changes.
 */
export async function GET(request: Request, context: { params: Promise<{ tenantId: string; invoiceId: string }> }) {
  const { tenantId, invoiceId } = await context.params;
  if (!idParam.safeParse(tenantId).success || !idParam.safeParse(invoiceId).success) return text(404, 'not found');
  const access = await portalDownloadAccess(request, tenantId);
  if (access instanceof Response) return access;
  const query = downloadQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return text(400, 'the only query parameter is download=1');
  try {
    const { pdf, version, invoiceNumber } = await getInvoicePdf({ tenantId: access.tenantId, recordId: invoiceId });
    const etag = `"${version}"`;
    const headers = {
      'content-type': 'application/pdf',
      'content-disposition': `${query.data.download === '1' ? 'attachment' : 'inline'}; filename="${invoiceNumber}.pdf"`,
      'cache-control': 'private, no-cache',
      etag,
    };
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(pdf), { status: 200, headers: { ...headers, 'content-length': String(pdf.length) } });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return text(404, 'not found');
    throw error;
  }
}
