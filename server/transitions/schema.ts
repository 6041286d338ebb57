import { z } from 'zod';

/** Wire shapes of plan transitions (portal tRPC and our REST preview); money as decimal strings. */
export const billingCycle = z.enum(['monthly', 'yearly']);
/** `billingCycle`: the cycle after the change; omitted, the subscription keeps its current one. */
export const quoteInput = z.strictObject({ toPlanCode: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/), billingCycle: billingCycle.optional() });
export type QuoteInput = z.output<typeof quoteInput>;

export const confirmInput = z.strictObject({ transitionId: z.uuid() });
export type ConfirmInput = z.output<typeof confirmInput>;

export const cancelScheduledInput = z.strictObject({ transitionId: z.uuid() });
export type CancelScheduledInput = z.output<typeof cancelScheduledInput>;

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const line = z.object({ amount: decimal, tax: decimal, total: decimal });

export const transitionState = z.enum(['quoted', 'creating', 'waiting_for_approval', 'finished', 'failed', 'canceled']);

export const planTransitionQuote = z.object({
  id: z.uuid(),
  state: transitionState,
  fromPlan: z.object({ code: z.string(), name: z.string(), price: decimal, version: z.number().int() }),
  toPlan: z.object({ code: z.string(), name: z.string(), price: decimal, version: z.number().int() }),
  direction: z.enum(['upgrade', 'downgrade', 'lateral']),
  mode: z.enum(['prorate_now', 'at_renewal', 'at_period_end', 'prorate_now_credit']),
  currency: z.string(),
  taxRate: decimal,
  periodStart: z.iso.datetime(),
  periodEnd: z.iso.datetime(),
  /** N and r (DOMAIN.md Proration). */
  periodDays: z.number().int(),
  remainingDays: z.number().int(),
  effectiveAt: z.iso.datetime(),
  /** Local calendar day the change takes effect, YYYY-MM-DD in the tenant's zone. */
  effectiveDate: z.string(),
  fromBillingCycle: billingCycle,
  toBillingCycle: billingCycle,
  /** A change of cycle applied now starts a new period on the effective day: its end (else null). */
  newPeriodEnd: z.iso.datetime().nullable(),
  unused: line,
  charge: line,
  /** charge total − unused total: billed now when positive, credited now when negative. */
  net: decimal,
  creditApplied: decimal,
  amountDue: decimal,
  creditToLedger: decimal,
  requiresManualApproval: z.boolean(),
  expiresAt: z.iso.datetime(),
  quoteHash: z.string(),
});
export type PlanTransitionQuote = z.infer<typeof planTransitionQuote>;

export const confirmResult = z.object({
  id: z.uuid(),
  state: transitionState,
  requiresManualApproval: z.boolean(),
  billingRecordId: z.string().nullable(),
  creditTransactionId: z.string().nullable(),
  effectiveAt: z.iso.datetime(),
});
export type ConfirmResult = z.infer<typeof confirmResult>;

export const scheduledTransition = z.object({
  id: z.uuid(), state: transitionState, toPlanCode: z.string(), toPlanName: z.string(), effectiveAt: z.iso.datetime(), direction: z.enum(['upgrade', 'downgrade', 'lateral']),
});

// --- F5 (seed 003) plan_transition, ops 8 and 9 (F5-BILLING-API.md §5 TransitionPayload, Contact).
const contact = z.object({
  contact_type: z.enum(['MAILING', 'BILLING', 'PAYMENT']).optional(),
  address1: z.string().max(500).optional(), address2: z.string().max(500).optional(), city: z.string().max(200).optional(),
  county: z.string().max(200).optional(), state: z.string().max(200).optional(), state_code: z.string().max(20).optional(),
  country: z.string().max(200).optional(), zip_code: z.string().max(40).optional(), phone_number: z.string().max(60).optional(),
});
export const transitionPayload = z.object({
  billing_address: contact.optional(),
  payment_address: contact.optional(),
  payment_provider_token: z.string().max(500).optional(),
  domain: z.string().max(253).optional(),
  subscribe_addon_services: z.array(z.string().max(100)).max(50).optional(),
  unsubscribe_addon_services: z.array(z.string().max(100)).max(50).optional(),
  create_support_ticket: z.boolean().optional(),
  support_ticket_info: z.string().max(5000).optional(),
  deletion_reason: z.enum(['REASON_UNKNOWN', 'REASON_SWITCH_TO_FREE_PLAN', 'REASON_NO_LONGER_NEEDED', 'REASON_NOT_JUSTIFY_COSTS', 'REASON_DIFFICULT_TO_USE']).optional(),
  deletion_feedback: z.string().max(5000).optional(),
  billing_provider_account_id: z.string().optional(),
  tp_subscription_id: z.string().optional(),
  /** Our extension: the billing cycle after the change (omitted: keep the current one). */
  billing_cycle: billingCycle.optional(),
});
export const f5TransitionBody = z.strictObject({
  namespace: z.string().max(63),
  new_plan: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
  payload: transitionPayload.default({}),
  /** Our extension: confirm this quote (from …/plan_transition/preview) instead of quoting anew. */
  quote_id: z.uuid().optional(),
});
export type F5TransitionBody = z.output<typeof f5TransitionBody>;
export const f5PreviewBody = f5TransitionBody.omit({ quote_id: true });
export const f5TransitionRsp = z.object({ id: z.string(), requires_manual_approval: z.boolean() });
export const f5StateQuery = z.strictObject({ id: z.string().min(1).max(100) });
export const f5StateRsp = z.object({ state: z.enum(['STATE_UNSPECIFIED', 'STATE_CREATING', 'STATE_FAILED', 'STATE_FINISHED', 'STATE_WAITING_FOR_APPROVAL']) });
