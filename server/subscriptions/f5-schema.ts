/** F5 op 17 (`subscriptions/custom_list`) wire shapes: query and SubscriptionType (the F5 billing API; JSON schemas in test/fixtures/f5-billing-schemas.json). */
import { z } from 'zod';

/** `current`: `true` lists only live subscriptions; F5 booleans in a query are `true` / `false`. Unknown parameters → 400. */
export const listSubscriptionsQuery = z.strictObject({
  current: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
});
export type ListSubscriptionsQuery = z.output<typeof listSubscriptionsQuery>;

const rfc3339 = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

export const f5Period = z.object({
  uid: z.uuid(),
  start_date: rfc3339,
  end_date: rfc3339,
  /** The same period as stored: local midnights of the tenant's billing zone, in UTC. */
  internal_start_date: rfc3339,
  internal_end_date: rfc3339,
  trial: z.boolean(),
  /** Links to the period's invoices (op 1): every one, the open ones, the paid or voided ones. */
  invoices: z.array(z.string()),
  pending_invoice: z.array(z.string()),
  closed_invoice: z.array(z.string()),
});

export const f5Subscription = z.object({
  name: z.string(),
  plan_name: z.string(),
  plan_object_name: z.string(),
  current: z.boolean(),
  cancelled: z.boolean(),
  /** Omitted while the subscription is not cancelled (proto3 JSON leaves unset fields out). */
  cancellation_date: rfc3339.optional(),
  start_date: rfc3339,
  last_billing_period_start_date: rfc3339,
  last_billing_period_end_date: rfc3339,
  previous_billing_periods: z.array(f5Period),
});

export const listSubscriptionsResponse = z.object({ subscriptions: z.array(f5Subscription) });
export type ListSubscriptionsResponse = z.output<typeof listSubscriptionsResponse>;
