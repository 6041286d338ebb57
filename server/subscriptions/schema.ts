import { z } from 'zod';
import { decimalString } from '../money-schema';
import { BillingCycle, PlanTransitionDirection, PlanTransitionState, SubscriptionAddOnStatus, SubscriptionStatus } from '../generated/prisma/enums';

export const startSubscriptionInput = z.strictObject({
  planCode: z.string().min(1).max(64),
  /** The tenant member who administers the subscription. */
  adminUserId: z.string().min(1).max(64),
});
export type StartSubscriptionInput = z.output<typeof startSubscriptionInput>;

/** The renewal job's run: everything due at `at` (default: now on the injectable clock). */
export const renewDueSubscriptionsInput = z.strictObject({
  at: z.date().optional(),
  /** Only these tenants' subscriptions (a replay or a test scoped to its own tenants); all when absent. */
  tenantIds: z.array(z.string().min(1).max(64)).max(1000).optional(),
});
export type RenewDueSubscriptionsInput = z.output<typeof renewDueSubscriptionsInput>;

/** One subscription's period end (the renewal job): `periodEnd` pins the period the job was enqueued for. */
export const renewSubscriptionInput = z.strictObject({
  tenantId: z.string().min(1).max(64),
  subscriptionId: z.string().min(1).max(64),
  periodEnd: z.coerce.date().optional(),
  at: z.date().optional(),
});
export type RenewSubscriptionInput = z.output<typeof renewSubscriptionInput>;

/** The grace job: a past_due subscription is settled from credit, reinstated, or suspended once grace ends. */
export const reviewPastDueInput = z.strictObject({
  tenantId: z.string().min(1).max(64),
  subscriptionId: z.string().min(1).max(64),
});
export type ReviewPastDueInput = z.output<typeof reviewPastDueInput>;

/** Portal and REST: the tenant's live subscription (the tenant comes from the caller's scope). */
export const cancelSubscriptionInput = z.strictObject({ tenantId: z.string().min(1).max(64) });
export type CancelSubscriptionInput = z.output<typeof cancelSubscriptionInput>;
export const resumeSubscriptionInput = cancelSubscriptionInput;
export type ResumeSubscriptionInput = CancelSubscriptionInput;
export const setAutoRenewInput = z.strictObject({ tenantId: z.string().min(1).max(64), autoRenew: z.boolean() });
export type SetAutoRenewInput = z.output<typeof setAutoRenewInput>;

const planName = z.object({ code: z.string(), name: z.string(), nameZh: z.string() });

/** A subscription's identity, price and current period, as every view of it shows them. */
export const subscriptionPeriodFields = {
  id: z.string(),
  status: z.enum(SubscriptionStatus),
  billingCycle: z.enum(BillingCycle),
  amount: decimalString.describe('the plan price per period, a decimal string in `currency`'),
  currency: z.string(),
  currentPeriodStart: z.date(),
  currentPeriodEnd: z.date(),
  trialEndDate: z.date().nullable(),
};

/** `subscriptions.current`: the live subscription as the portal shows it, or null. */
export const currentSubscription = z.object({
  subscription: z.object({
    ...subscriptionPeriodFields,
    plan: planName,
    gracePeriodDays: z.number().int(),
    /** When an unpaid subscription is suspended (past_due) or was (suspended); null when nothing is unpaid. */
    graceEndsAt: z.date().nullable(),
    cancelAtPeriodEnd: z.boolean(),
    canceledAt: z.date().nullable(),
    autoRenew: z.boolean(),
    startedAt: z.date(),
    addOns: z.array(z.object({ code: z.string(), name: z.string(), nameZh: z.string(), status: z.enum(SubscriptionAddOnStatus), startedAt: z.date() })),
    /** A plan change waiting for the period end or for approval (plan_transitions). */
    scheduledChange: z.object({
      id: z.string(), toPlan: planName, direction: z.enum(PlanTransitionDirection), state: z.enum(PlanTransitionState), effectiveAt: z.date(),
    }).nullable(),
  }).nullable(),
});
export type CurrentSubscription = z.output<typeof currentSubscription>;

/** What cancel / resume / setAutoRenew answer: the settings after the change. */
export const subscriptionSettings = z.object({
  id: z.string(), status: z.enum(SubscriptionStatus), cancelAtPeriodEnd: z.boolean(), canceledAt: z.date().nullable(), autoRenew: z.boolean(), currentPeriodEnd: z.date(),
});
export type SubscriptionSettings = z.output<typeof subscriptionSettings>;

/** Portal inputs (the tenant comes from the caller's scope, never the body). */
export const currentSubscriptionInput = z.strictObject({}).optional();
export const subscriptionActionInput = z.strictObject({});
export const autoRenewInput = z.strictObject({ autoRenew: z.boolean() });
