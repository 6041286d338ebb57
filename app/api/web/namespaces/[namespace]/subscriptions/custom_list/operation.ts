import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { listSubscriptionsQuery, listSubscriptionsResponse } from '@/server/subscriptions/f5-schema';

/** F5 ListSubscriptions (op 17), declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'get',
  path: '/api/web/namespaces/{namespace}/subscriptions/custom_list',
  operationId: 'ListSubscriptions',
  seed: '003',
  summary: 'The tenant\'s subscriptions, newest first; current=true lists only the live one. Any namespace of the tenant (subscriptions are tenant-wide).',
  scope: 'read',
  namespaceParam: 'namespace',
  query: listSubscriptionsQuery,
  response: listSubscriptionsResponse,
  envelope: f5Envelope,
  example: {
    params: { namespace: 'system' },
    query: { current: 'true' },
    response: { subscriptions: [{
      name: 'sub_01J9ZQ3M7K2V8X4N6P0R5T1W3Y',
      plan_name: 'Pro',
      plan_object_name: 'pro',
      current: true,
      cancelled: false,
      start_date: '2026-01-01T05:00:00Z',
      last_billing_period_start_date: '2026-12-01T05:00:00Z',
      last_billing_period_end_date: '2027-01-01T05:00:00Z',
      previous_billing_periods: [{
        uid: '0b9f6c1e-4d2a-4c5e-9a7b-3f1d2e8c6a40',
        start_date: '2026-11-01T04:00:00Z',
        end_date: '2026-12-01T05:00:00Z',
        internal_start_date: '2026-11-01T04:00:00Z',
        internal_end_date: '2026-12-01T05:00:00Z',
        trial: false,
        invoices: ['INV-2026-000412'],
        pending_invoice: [],
        closed_invoice: ['INV-2026-000412'],
      }],
    }] },
  },
});
