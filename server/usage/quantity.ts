import { Decimal } from '../money';

/** Usage quantities are numeric(30,9): held in memory as integer nanos (bigint), exact and fast to add. */
const NANOS = 1_000_000_000n;
const MAX_NANOS = 10n ** 30n - 1n;
/** Digits, optionally a point and at most 9 more: exact as it stands. */
const PLAIN = /^(\d{1,30})(?:\.(\d{1,9}))?$/;

/** The event's quantity in nanos, or null when it is not a finite non-negative decimal with ≤ 9 places that fits numeric(30,9). */
export function parseQuantityNanos(value: string | number): bigint | null {
  // The usual form, "123" or "12.5" (or a JSON integer), read without a Decimal: ingest parses a thousand per batch.
  const plain = typeof value === 'string' ? PLAIN.exec(value) : Number.isSafeInteger(value) && value >= 0 ? PLAIN.exec(String(value)) : null;
  if (plain) {
    const nanos = BigInt(plain[1]!) * NANOS + BigInt((plain[2] ?? '').padEnd(9, '0'));
    return nanos > MAX_NANOS ? null : nanos;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'string' && !/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value)) return null;
  let decimal: Decimal;
  try {
    decimal = new Decimal(value);
  } catch {
    return null;
  }
  if (decimal.isNegative() && !decimal.isZero()) return null;
  const scaled = decimal.times(1_000_000_000);
  if (!scaled.isInteger()) return null;
  const nanos = BigInt(scaled.toFixed(0));
  return nanos > MAX_NANOS ? null : nanos;
}

/** Exact decimal text of a nanos amount (what a numeric column takes). */
export function nanosToDecimal(nanos: bigint): string {
  const negative = nanos < 0n;
  const abs = negative ? -nanos : nanos;
  const whole = abs / NANOS;
  const fraction = (abs % NANOS).toString().padStart(9, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Nanos of a numeric column read as text. */
export function decimalToNanos(text: string): bigint {
  return BigInt(new Decimal(text).times(1_000_000_000).toFixed(0));
}
