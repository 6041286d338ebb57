import { Decimal } from '../money';

/** Usage quantities are numeric(30,9): held in memory as integer nanos (bigint), exact and fast to add. */
const NANOS = 1_000_000_000n;
const MAX_NANOS = 10n ** 30n - 1n;

/** The event's quantity in nanos, or null when it is not a finite non-negative decimal with ≤ 9 places that fits numeric(30,9). */
export function parseQuantityNanos(value: string | number): bigint | null {
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
