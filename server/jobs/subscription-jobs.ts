import { z } from 'zod';
import { SYSTEM_ACTOR } from '../audit/actor';
import { findDuePastDueReviews, findDuePeriodEnds } from '../subscriptions/due-work';
import { renewSubscription } from '../subscriptions/renew-subscriptions';
import { reviewPastDue } from '../subscriptions/review-past-due';
import { DEFAULT_RETRY, defineJob } from './registry';

const subject = { tenantId: z.string().min(1).max(64), subscriptionId: z.string().min(1).max(64) };

/** Period end of one subscription: trial end, renewal, cancel at period end, expiry. */
export const subscriptionPeriodEnd = defineJob({
  name: 'subscription-period-end',
  payload: z.strictObject({ ...subject, periodEnd: z.iso.datetime() }),
  key: (data) => `renewal:${data.tenantId}:${data.subscriptionId}:${data.periodEnd}`,
  handler: (data) => renewSubscription({ tenantId: data.tenantId, subscriptionId: data.subscriptionId, periodEnd: new Date(data.periodEnd) }, SYSTEM_ACTOR),
  retry: DEFAULT_RETRY,
  expireInSeconds: 300,
});

/** A past_due / suspended subscription: settle from credit, reinstate, or suspend after grace. */
export const subscriptionPastDue = defineJob({
  name: 'subscription-past-due',
  payload: z.strictObject({ ...subject, reason: z.string().min(1).max(128) }),
  key: (data) => `past-due:${data.tenantId}:${data.subscriptionId}:${data.reason}`,
  handler: (data) => reviewPastDue({ tenantId: data.tenantId, subscriptionId: data.subscriptionId }, SYSTEM_ACTOR),
  retry: DEFAULT_RETRY,
  expireInSeconds: 300,
});

/**
 * Every five minutes: find due subscriptions and enqueue one job per subject and period. The
 * sweep itself changes nothing, so a missed or doubled sweep only delays or repeats the search.
 */
export const subscriptionSweep = defineJob({
  name: 'subscription-sweep',
  payload: z.strictObject({}),
  key: () => 'subscription-sweep',
  schedule: { cron: '*/5 * * * *', tz: 'UTC' },
  handler: async (_data, { at, enqueue, tenantIds }) => {
    for (const due of await findDuePeriodEnds(at, tenantIds)) {
      await enqueue(subscriptionPeriodEnd.name, { tenantId: due.tenantId, subscriptionId: due.subscriptionId, periodEnd: due.periodEnd.toISOString() });
    }
    for (const due of await findDuePastDueReviews(at, tenantIds)) await enqueue(subscriptionPastDue.name, due);
  },
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  expireInSeconds: 240,
});
