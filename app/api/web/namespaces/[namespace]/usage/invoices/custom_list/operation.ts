import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { listInvoicesQuery, listInvoicesResponse } from '@/server/invoices/f5-schema';

/** F5 ListInvoices, declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'get',
  path: '/api/web/namespaces/{namespace}/usage/invoices/custom_list',
  operationId: 'ListInvoices',
  seed: '003',
  summary: 'The tenant\'s invoices (drafts excluded), newest issue date first, as F5 Invoice with F5 statuses; amounts in minor units. Any namespace of the tenant (invoices are tenant-wide).',
  scope: 'read',
  namespaceParam: 'namespace',
  query: listInvoicesQuery,
  response: listInvoicesResponse,
  envelope: f5Envelope,
  example: {
    params: { namespace: 'system' },
    query: { limit: '2' },
    response: { invoices: [
      { name: 'INV-2026-000412', active: true, amount: '10494', currency: 'CNY', period_start: '2026-11-30T16:00:00Z', period_end: '2026-12-31T16:00:00Z', status: 'STATUS_ISSUED' },
      { name: 'INV-2026-000377', active: false, amount: '10494', currency: 'CNY', period_start: '2026-10-31T16:00:00Z', period_end: '2026-11-30T16:00:00Z', status: 'STATUS_PAID' },
    ] },
  },
});
