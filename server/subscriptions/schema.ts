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
