import { z } from 'zod';

/** Seed 000 request body: `{user_id}`; any other key is 400. */
export const exportUserDataInput = z.strictObject({ user_id: z.string().trim().min(1).max(64) });
export type ExportUserDataInput = z.output<typeof exportUserDataInput>;

/**
 * The wire shapes of seed 000, for the OpenAPI document. The export itself is streamed item by
 * item through the one JSON writer (server/json.ts), so amounts typed `number` carry a decimal's
 * own digits; absent optional strings are `""` and absent integers 0 (the seed's Go DTOs' zero
 * values), so every documented field is present with its documented type.
 */
const money = z.number().describe('exact decimal, written with its own digits');
const instant = z.string().describe('RFC 3339 UTC, or "" when absent');

export const subscriptionResponse = z.object({
  admin_user_id: z.string(), amount: money, auto_renew: z.boolean(), billing_cycle: z.string(), cancel_at_period_end: z.boolean(),
  currency: z.string(), current_period_end: instant, current_period_start: instant, grace_period_days: z.number().int(),
  plan_id: z.string(), status: z.string(), tenant_id: z.string(), trial_end_date: instant,
});

export const invoiceLineItemResponse = z.object({
  amount: money, description: z.string(), quantity: z.number().int(), resource_type: z.string(), tax_amount: money, tax_rate: money, unit_price: money,
});

export const billingRecordResponse = z.object({
  amount: money, app_id: z.string(), created_at: instant, currency: z.string(), description: z.string(), invoice_number: z.string(),
  line_items: z.array(invoiceLineItemResponse), record_id: z.string(), status: z.string(), tenant_id: z.string(), type: z.string(),
});

export const creditBalanceResponse = z.object({ balance: money, currency: z.string(), tenant_id: z.string(), updated_at: instant });

export const creditTransactionResponse = z.object({
  amount: money, balance: money, created_at: instant, id: z.string(), remark: z.string(), source: z.string(), source_id: z.string(), tenant_id: z.string(), type: z.string(),
});

export const usageStatsExportItem = z.object({
  api_requests: z.number().int(), bandwidth_used: z.number().int(), date: z.string(), failed_logins: z.number().int(), login_attempts: z.number().int(),
  mfa_verifications: z.number().int(), storage_used: z.number().int(), user_count: z.number().int(),
});

export const usageAlertResponse = z.object({
  app_id: z.string(), created_at: instant, id: z.string(), last_triggered_at: instant, name: z.string(), notification_channels: z.string(),
  resource_type: z.string(), status: z.string(), tenant_id: z.string(), threshold_percent: z.number().int(), updated_at: instant,
});

export const meteredBillingExportItem = z.object({
  included_units: z.number().int(), overage_amount: z.string().describe('decimal string'), overage_units: z.number().int(), period_end: instant,
  period_start: instant, resource_type: z.string(), status: z.string(), total_usage: z.number().int(),
});

export const exportUserDataResult = z.object({
  user_id: z.string(),
  exported_at: z.string(),
  tenants: z.array(z.object({
    tenant_id: z.string(),
    role: z.enum(['owner', 'admin', 'billing', 'viewer']),
    subscriptions: z.array(subscriptionResponse),
    billing_records: z.array(billingRecordResponse),
    credit_balance: creditBalanceResponse,
    credit_transactions: z.array(creditTransactionResponse),
    usage_stats: z.array(usageStatsExportItem),
    usage_alerts: z.array(usageAlertResponse),
    metered_billing: z.array(meteredBillingExportItem),
  })),
});
