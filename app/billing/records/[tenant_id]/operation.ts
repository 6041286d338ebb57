import { tenantOperation } from '@/server/rest/operations';
import { recordsEnvelope } from '@/server/rest/envelopes';
import { billingRecordList, billingRecordsParams, billingRecordsQuery } from '@/server/invoices/records-schema';
import { money as d } from '@/server/money';

/** Seed 001 billing records, declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'get',
  path: '/billing/records/{tenant_id}',
  operationId: 'ListBillingRecords',
  seed: '001',
  summary: 'The tenant\'s billing records (invoices) with their line items, newest first, paged; optionally one app\'s. Another tenant\'s id is 404.',
  scope: 'read',
  tenantParam: 'tenant_id',
  params: billingRecordsParams,
  query: billingRecordsQuery,
  response: billingRecordList,
  // The hot read: listBillingRecords builds each record with the one typed mapper, keys in wire order
  // (its test requires the schema's parse to change nothing), so the guard writes the page as built.
  exactResponse: true,
  envelope: recordsEnvelope,
  example: {
    params: { tenant_id: 'tnt_xyz789' },
    query: { page: '1', page_size: '20', app_id: 'app_001' },
    response: {
      items: [{
        amount: d('104.94'), app_id: 'app_001', created_at: '2026-04-01T00:00:00Z', currency: 'CNY', description: '专业版月度订阅', invoice_number: 'INV-2026-001',
        line_items: [{ amount: d('99'), description: '专业版月度订阅', quantity: d('1'), resource_type: 'subscription', tax_amount: d('5.94'), tax_rate: d('0.06'), unit_price: d('99') }],
        record_id: 'rec_001', status: 'paid', tenant_id: 'tnt_xyz789', type: 'subscription',
      }],
      total: 1,
      pagination: { has_next: false, has_prev: false, page: 1, page_size: 20, total: 1, total_pages: 1 },
    },
  },
});
