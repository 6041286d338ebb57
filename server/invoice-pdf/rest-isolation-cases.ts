import { expect } from 'vitest';
import type { RestIsolationCases } from '../../test/rest-isolation';
import { pdfText } from '../../test/pdf-text';

/** How the invoice PDF REST operation is scoped (gathered by server/rest/isolation.test.ts): an invoice addressed by number. */
export const invoicePdfRestIsolationCases: RestIsolationCases = {
  'GET /api/web/namespaces/{namespace}/usage/invoice_pdf': {
    kind: 'addressed',
    call: (fx) => ({ path: `/api/web/namespaces/system/usage/invoice_pdf?name=${fx.invoiceA}`, params: { namespace: 'system' } }),
    ownsA: async (response, fx) => {
      const pdf = Buffer.from((response.json as { pdf: string }).pdf, 'base64');
      expect(await pdfText(pdf)).toContain(fx.invoiceA);
    },
  },
};
