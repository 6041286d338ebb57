import { serviceOperation } from '@/server/rest/operations';
import { internalEnvelope } from '@/server/rest/envelopes';
import { exportUserDataInput, exportUserDataResult } from '@/server/export/schema';

/** Seed 000 export, declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = serviceOperation({
  method: 'post',
  path: '/internal/billing/export-user-data',
  operationId: 'ExportUserData',
  seed: '000',
  summary: 'Everything the billing service holds about one user, per tenant (compliance-service; streamed).',
  scope: 'export:user-data',
  body: exportUserDataInput,
  response: exportUserDataResult,
  envelope: internalEnvelope,
  example: {
    body: { user_id: 'usr_abc123' },
    response: {
      user_id: 'usr_abc123',
      exported_at: '2026-05-12T10:00:00Z',
      tenants: [{
        tenant_id: 'tnt_xyz789', role: 'owner',
        subscriptions: [{
          admin_user_id: 'usr_abc123', amount: 499, auto_renew: true, billing_cycle: 'monthly', cancel_at_period_end: false, currency: 'CNY',
          current_period_end: '2026-06-01T00:00:00Z', current_period_start: '2026-05-01T00:00:00Z', grace_period_days: 7, plan_id: 'pro',
          status: 'active', tenant_id: 'tnt_xyz789', trial_end_date: '',
        }],
        billing_records: [{
          amount: 104.94, app_id: '', created_at: '2026-05-01T00:00:00Z', currency: 'CNY', description: '专业版月度订阅', invoice_number: 'INV-2026-001',
          line_items: [{ amount: 99, description: '专业版月度订阅', quantity: 1, resource_type: 'subscription', tax_amount: 5.94, tax_rate: 0.06, unit_price: 99 }],
          record_id: 'rec_001', status: 'paid', tenant_id: 'tnt_xyz789', type: 'subscription',
        }],
        credit_balance: { balance: 150, currency: 'CNY', tenant_id: 'tnt_xyz789', updated_at: '2026-05-12T10:00:00Z' },
        credit_transactions: [{
          amount: 50, balance: 150, created_at: '2026-05-12T10:00:00Z', id: 'ctr_001', remark: '套餐降级按比例信用', source: 'proration', source_id: 'sub_xyz789', tenant_id: 'tnt_xyz789', type: 'credit',
        }],
        usage_stats: [], usage_alerts: [], metered_billing: [],
      }],
    },
  },
});
