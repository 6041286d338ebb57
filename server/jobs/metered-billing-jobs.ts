import { z } from 'zod';
import { SYSTEM_ACTOR } from '../audit/actor';
import { findDueUsagePeriods } from '../metered-billing/due-periods';
import { invoiceUsagePeriod } from '../metered-billing/invoice-usage-period';
import { priceQueuedUsage } from '../usage/pricing-queue';
import { DEFAULT_RETRY, defineJob } from './registry';

/**
 * One ended subscription period: price what ingest queued (so usage that arrived before the close is
 * consumption of its period, not a later reconciliation), close its usage and issue its usage
 * invoice (once per period).
 */
export const usagePeriodClose = defineJob({
  name: 'usage-period-close',
  payload: z.strictObject({ tenantId: z.string().min(1).max(64), subscriptionId: z.string().min(1).max(64), periodStart: z.iso.datetime() }),
  key: (data) => `usage-close:${data.tenantId}:${data.subscriptionId}:${data.periodStart}`,
  handler: async (data) => {
    await priceQueuedUsage({ tenantId: data.tenantId });
    return invoiceUsagePeriod({ tenantId: data.tenantId, subscriptionId: data.subscriptionId, periodStart: new Date(data.periodStart) }, SYSTEM_ACTOR);
  },
  retry: DEFAULT_RETRY,
  expireInSeconds: 600,
});

/** Every ten minutes: enqueue a close for each ended period not yet invoiced (the sweep changes nothing itself). */
export const usagePeriodCloseSweep = defineJob({
  name: 'usage-period-close-sweep',
  payload: z.strictObject({}),
  key: () => 'usage-period-close-sweep',
  schedule: { cron: '*/10 * * * *', tz: 'UTC' },
  handler: async (_data, { at, enqueue, tenantIds }) => {
    for (const due of await findDueUsagePeriods(at, tenantIds)) {
      await enqueue(usagePeriodClose.name, { tenantId: due.tenantId, subscriptionId: due.subscriptionId, periodStart: due.periodStart.toISOString() });
    }
  },
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  expireInSeconds: 540,
});
