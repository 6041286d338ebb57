import { toLocal } from '../time/zoned';

/**
 * The tenant-local calendar day and month of an instant, for the daily and monthly rollups.
 * Every zone's UTC offset and every transition falls on a quarter hour, so the local date is the
 * same for a whole UTC quarter hour: one Intl lookup per quarter hour a batch touches.
 */
const QUARTER_HOUR_MS = 15 * 60_000;

export type LocalBuckets = { day: string; month: string };

export function localCalendar(timeZone: string): (instantMs: number) => LocalBuckets {
  const cache = new Map<number, LocalBuckets>();
  return (instantMs) => {
    const quarter = Math.floor(instantMs / QUARTER_HOUR_MS);
    let buckets = cache.get(quarter);
    if (!buckets) {
      const local = toLocal(new Date(quarter * QUARTER_HOUR_MS), timeZone);
      const month = `${String(local.year).padStart(4, '0')}-${String(local.month).padStart(2, '0')}`;
      buckets = { day: `${month}-${String(local.day).padStart(2, '0')}`, month: `${month}-01` };
      cache.set(quarter, buckets);
    }
    return buckets;
  };
}

export const HOUR_MS = 3_600_000;
export const hourStartOf = (instantMs: number) => Math.floor(instantMs / HOUR_MS) * HOUR_MS;
