import type { Locale } from '@/messages';

/** The currency's minor unit (ISO 4217 via Intl: JPY 0, CNY and USD 2); a test keeps it equal to server/money.ts' table. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Fraction digits of an exact decimal string up to its last non-zero one ("12.3400" → 2). */
function significantFractionDigits(amount: string): number {
  const match = /^[-+]?\d*(?:\.(\d*))?$/.exec(amount.trim());
  if (!match) throw new Error(`not a decimal string: ${amount}`);
  return (match[1] ?? '').replace(/0+$/, '').length;
}

/**
 * Money arrives as a decimal string and is formatted from that string (Intl formats numeric
 * strings exactly), so no amount ever passes through a float on its way to the screen. It shows
 * the currency's minor unit (¥1,235 for JPY, $12.30 for USD) and never hides a non-zero digit
 * below it (an exact 0.005 USD reads $0.005, not $0.01).
 */
export function formatMoney(amount: string, currency: string, locale: Locale): string {
  const minor = currencyDigits(currency);
  const digits = Math.max(minor, significantFractionDigits(amount));
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: minor, maximumFractionDigits: digits });
  return format.format(amount as Intl.StringNumericLiteral);
}

/** Dates a person reads are in the tenant's billing timezone. */
export function formatDate(value: Date | string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(value));
}

export function formatDateTime(value: Date | string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(value));
}
