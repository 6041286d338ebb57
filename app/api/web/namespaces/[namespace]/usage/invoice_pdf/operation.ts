import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { invoicePdfQuery, invoicePdfResponse } from '@/server/invoice-pdf/f5-schema';

/** F5 DownloadInvoicePdf, declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'get',
  path: '/api/web/namespaces/{namespace}/usage/invoice_pdf',
  operationId: 'DownloadInvoicePdf',
  seed: '003',
  summary: 'One invoice of the tenant as a PDF, base64 inside JSON ({pdf}) as F5 documents it; name is the invoice number. Any status but draft (F5 intends it for paid invoices; an open one prints what is due). Unknown or another tenant\'s invoice: 404. Any namespace of the tenant.',
  scope: 'read',
  namespaceParam: 'namespace',
  query: invoicePdfQuery,
  response: invoicePdfResponse,
  envelope: f5Envelope,
  example: {
    params: { namespace: 'system' },
    query: { name: 'INV-2026-001' },
    // Shortened: a real answer is the whole file (a one-page invoice is about 20–30 KB before base64).
    response: { pdf: 'JVBERi0xLjMKJf////8KCjcgMCBvYmoKPDwKL1R5cGUgL0NhdGFsb2cK' },
  },
});
