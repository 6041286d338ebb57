import { tenantRoute } from '@/server/rest/guard';
import { getInvoicePdf } from '@/server/invoice-pdf/invoice-pdf';
import { operation } from './operation';

/** F5 DownloadInvoicePdf: the caller's tenant's invoice by number, as `{pdf: <base64>}`. */
export const GET = tenantRoute(operation, async ({ caller, query }) => {
  const { pdf } = await getInvoicePdf({ tenantId: caller.scope.tenantId, invoiceNumber: query.name });
  return { pdf: pdf.toString('base64') };
});
