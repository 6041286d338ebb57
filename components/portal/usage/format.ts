import type { Locale } from '@/messages';

/**
 * A usage quantity (a decimal string of numeric(30,9)) as a person reads it: grouped by the
 * locale, formatted from the string (Intl formats numeric strings exactly), at most 3 places
 * unless smaller digits are all there is.
 */
export function formatQuantity(value: string, locale: Locale): string {
  const [whole = '', fraction = ''] = value.replace(/^-/, '').split('.');
  const significant = fraction.replace(/0+$/, '');
  const tiny = /^0*$/.test(whole) && /^000/.test(significant);
  const digits = tiny ? significant.length : Math.min(significant.length, 3);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value as Intl.StringNumericLiteral);
}

export function formatPercent(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** A bucket's label in the tenant's timezone: hours as "12-01 14:00", days as the date, months as "2026-12". */
export function formatBucket(bucket: string, granularity: 'hour' | 'day' | 'month', locale: Locale, timeZone: string): string {
  if (granularity === 'month') return bucket;
  if (granularity === 'day') return bucket;
  return new Intl.DateTimeFormat(locale, { timeZone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(bucket));
}
