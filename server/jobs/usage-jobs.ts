import { z } from 'zod';
import { removeExpiredRawEvents } from '../usage/retention';
import { priceQueuedUsage, tenantsWithQueuedUsage } from '../usage/pricing-queue';
import { DEFAULT_RETRY, defineJob } from './registry';

/**
 * Daily: remove raw usage events past the retention window (USAGE_RAW_RETENTION_DAYS after their
 * tenant-local month closes) in bounded batches; rollups stay. Idempotent; a run that hits its
 * batch bound leaves the rest to the next day's run.
 */
export const usageRawRetention = defineJob({
  name: 'usage-raw-retention',
  payload: z.strictObject({}),
  key: () => 'usage-raw-retention',
  schedule: { cron: '17 3 * * *', tz: 'UTC' },
  handler: (_data, { at, tenantIds }) => removeExpiredRawEvents({ at, tenantIds }),
  retry: { limit: 2, delaySeconds: 300, backoff: false },
  expireInSeconds: 1800,
});

/**
 * One tenant's queued usage hours priced into charge lines (server/usage/pricing-queue.ts). Ingest
 * kicks it after each batch commits; `stately`, so a batch that lands while it runs gets one more
 * run rather than none. Idempotent: re-pricing the same rollups writes the same lines.
 */
export const usagePrice = defineJob({
  name: 'usage-price',
  payload: z.strictObject({ tenantId: z.string().min(1).max(64) }),
  key: (data) => `usage-price:${data.tenantId}`,
  handler: (data) => priceQueuedUsage({ tenantId: data.tenantId }),
  retry: DEFAULT_RETRY,
  expireInSeconds: 600,
  policy: 'stately',
});

/** Every minute: a pricing run for each tenant with queued hours (the net under a kick that was lost). */
export const usagePriceSweep = defineJob({
  name: 'usage-price-sweep',
  payload: z.strictObject({}),
  key: () => 'usage-price-sweep',
  schedule: { cron: '* * * * *', tz: 'UTC' },
  handler: async (_data, { enqueue, tenantIds }) => {
    for (const tenantId of await tenantsWithQueuedUsage(tenantIds)) await enqueue(usagePrice.name, { tenantId });
  },
  retry: { limit: 1, delaySeconds: 30, backoff: false },
  expireInSeconds: 50,
});
