import type { Locale } from '@/messages';

/**
 * Money arrives as a decimal string and is formatted from that string (Intl formats numeric
 * strings exactly), so no amount ever passes through a float on its way to the screen.
 */
export function formatMoney(amount: string, currency: string, locale: Locale): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 9 });
  return format.format(amount as Intl.StringNumericLiteral);
}

/** Dates a person reads are in the tenant's billing timezone. */
export function formatDate(value: Date | string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(value));
}

export function formatDateTime(value: Date | string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(value));
}
