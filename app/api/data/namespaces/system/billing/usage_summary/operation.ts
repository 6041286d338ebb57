import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { usageSummaryBody, usageSummaryResponse } from '@/server/usage-read/schema';

/** Our usage_summary (WIRE.md; not in F5's document). */
export const operation = tenantOperation({
  method: 'post',
  path: '/api/data/namespaces/system/billing/usage_summary',
  operationId: 'UsageSummary',
  seed: '003',
  summary: 'Priced usage of the whole tenant for [from, to) (RFC 3339), per resource type, from the charge lines; quantities and amounts are exact decimal strings (amount after included units).',
  scope: 'read',
  body: usageSummaryBody,
  response: usageSummaryResponse,
  envelope: f5Envelope,
  example: {
    body: { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' },
    response: {
      items: [{ resource_type: 'api_calls', quantity: '1500000', unit_name: '次', amount: '100.00', currency_code: 'CNY' }],
      total_cost: '100.00', currency_code: 'CNY', from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z',
    },
  },
});
