import { fromLocal, localDateString } from '../time/zoned';
import type { Granularity } from './schema';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The window shown when the caller names none: 2 days of hours, 30 days, 12 months — each ending today. */
const DEFAULT_DAYS: Record<Granularity, number> = { hour: 2, day: 30, month: 0 };

export type ResolvedRange = {
  granularity: Granularity;
  /** Inclusive local dates. */
  from: string;
  to: string;
  /** [start, end) instants of the local days from..to (for hourly rows). */
  start: Date;
  end: Date;
  buckets: string[];
};

const parseDate = (value: string) => {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

/** A local date `days` after another (pure calendar arithmetic on the date, no zone involved). */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export const localMidnight = (date: string, timeZone: string): Date => fromLocal(parseDate(date), timeZone);

function defaultFrom(granularity: Granularity, today: string): string {
  if (granularity === 'month') return `${shiftMonth(today.slice(0, 7), -11)}-01`;
  return shiftDate(today, -(DEFAULT_DAYS[granularity] - 1));
}

function shiftMonth(month: string, months: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const total = year * 12 + index - 1 + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** UTC hour starts covering [start, end), the first floored to its hour. */
function hourBuckets(start: Date, end: Date): string[] {
  const buckets: string[] = [];
  for (let at = Math.floor(start.getTime() / HOUR_MS) * HOUR_MS; at < end.getTime(); at += HOUR_MS) buckets.push(hourKey(new Date(at)));
  return buckets;
}

/** The hour bucket's key, as the SQL writes it: 2026-12-01T05:00:00Z. */
export const hourKey = (instant: Date) => instant.toISOString().replace(/\.\d{3}Z$/, 'Z');

function dayBuckets(from: string, to: string): string[] {
  const buckets: string[] = [];
  for (let day = from; day <= to; day = shiftDate(day, 1)) buckets.push(day);
  return buckets;
}

function monthBuckets(from: string, to: string): string[] {
  const buckets: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = shiftMonth(month, 1)) buckets.push(month);
  return buckets;
}

/** The caller's dates (or the default window ending today in the tenant's zone) and every bucket in them, empty ones included. */
export function resolveRange(granularity: Granularity, input: { from?: string | undefined; to?: string | undefined }, timeZone: string, now: Date): ResolvedRange {
  const today = localDateString(now, timeZone);
  const to = input.to ?? today;
  const from = input.from ?? defaultFrom(granularity, today);
  const start = localMidnight(granularity === 'month' ? `${from.slice(0, 7)}-01` : from, timeZone);
  const end = localMidnight(shiftDate(to, 1), timeZone);
  const buckets = granularity === 'hour' ? hourBuckets(start, end) : granularity === 'day' ? dayBuckets(from, to) : monthBuckets(from, to);
  return { granularity, from, to, start, end, buckets };
}
