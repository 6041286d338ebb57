import { z } from 'zod';

export const startSubscriptionInput = z.strictObject({
  planCode: z.string().min(1).max(64),
  /** The tenant member who administers the subscription. */
  adminUserId: z.string().min(1).max(64),
});
export type StartSubscriptionInput = z.output<typeof startSubscriptionInput>;

/** The renewal job's run: everything due at `at` (default: now on the injectable clock). */
export const renewDueSubscriptionsInput = z.strictObject({ at: z.date().optional() });
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
