import { addLocalDays, fromLocal, toLocal } from '../time/zoned';

/** Raw events are kept this many days after their month (in the tenant's timezone) closes; USAGE_RAW_RETENTION_DAYS overrides. */
export function rawRetentionDays(): number {
  const configured = Number(process.env.USAGE_RAW_RETENTION_DAYS ?? 35);
  return Number.isInteger(configured) && configured >= 1 ? configured : 35;
}

/**
 * The oldest instant whose raw event is still kept at `at`: the start of the local month that
 * contains (at − retention days). An event before it belongs to a month that closed more than the
 * retention window ago; its raw row is (or will be) removed, so ingest refuses it rather than
 * count it twice on a replay after removal.
 */
export function retentionCutoff(at: Date, timeZone: string, days = rawRetentionDays()): Date {
  const local = toLocal(addLocalDays(at, timeZone, -days), timeZone);
  return fromLocal({ year: local.year, month: local.month, day: 1 }, timeZone);
}
