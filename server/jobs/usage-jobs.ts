import { z } from 'zod';
import { removeExpiredRawEvents } from '../usage/retention';
import { defineJob } from './registry';

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
