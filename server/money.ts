import DecimalJs from 'decimal.js';

/**
 * The one money module. Every amount is a Decimal (never a JavaScript number); columns are
 * numeric(30,9). Rounding is to the currency's minor unit, half up, per line.
 */
export const Decimal = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 60 });
export type Decimal = InstanceType<typeof Decimal>;

/**
 * A decimal's digits exactly as PostgreSQL wrote them, already canonical (numeric → text through
 * trim_scale or round: no exponent, no trailing zeros), for a hot read that only passes numbers
 * through to the wire. It is a raw JSON number (JSON.rawJSON): JSON.stringify prints its digits as
 * they are, with no Decimal built and nothing for the one JSON writer to convert.
 */
export type DecimalText = { readonly rawJSON: string };

const CANONICAL_DECIMAL = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

export function decimalText(digits: string): DecimalText {
  if (!CANONICAL_DECIMAL.test(digits)) throw new Error(`not a canonical decimal: ${JSON.stringify(digits.slice(0, 40))}`);
  return (JSON as unknown as { rawJSON: (text: string) => DecimalText }).rawJSON(digits);
}

/** Anything Prisma or a caller may hand us that carries exact decimal digits. */
export type DecimalLike = Decimal | DecimalJs | string | bigint | { toFixed(): string };

/** ISO 4217 minor units for the currencies we bill in; anything else is refused, not guessed. */
const MINOR_UNITS: Record<string, number> = {
  CNY: 2, USD: 2, EUR: 2, GBP: 2, HKD: 2, SGD: 2, AUD: 2, CAD: 2, CHF: 2, JPY: 0, KRW: 0,
};

export const SUPPORTED_CURRENCIES = Object.keys(MINOR_UNITS);

export function minorUnits(currency: string): number {
  const digits = MINOR_UNITS[currency.toUpperCase()];
  if (digits === undefined) throw new Error(`unsupported currency ${currency}`);
  return digits;
}

export function money(value: DecimalLike): Decimal {
  if (value instanceof Decimal) return value;
  if (typeof value === 'string' || typeof value === 'bigint') return new Decimal(value.toString());
  return new Decimal(value.toFixed());
}

export const ZERO = new Decimal(0);

/** Half up (away from zero on .5), to the currency's minor unit. */
export function roundToMinor(value: DecimalLike, currency: string): Decimal {
  return money(value).toDecimalPlaces(minorUnits(currency), Decimal.ROUND_HALF_UP);
}

export function sum(values: DecimalLike[]): Decimal {
  return values.reduce<Decimal>((total, value) => total.plus(money(value)), ZERO);
}

/** A line before tax and its tax, each rounded on its own (DOMAIN.md: 99 × 0.06 = 5.94). */
export function priceLine(quantity: DecimalLike, unitPrice: DecimalLike, taxRate: DecimalLike, currency: string) {
  const amount = roundToMinor(money(quantity).times(money(unitPrice)), currency);
  const taxAmount = roundToMinor(amount.times(money(taxRate)), currency);
  return { amount, taxAmount, total: amount.plus(taxAmount) };
}

/** Exact digits, never an exponent: "12345678901.123456789", "0.000000001". */
export function toDecimalString(value: DecimalLike): string {
  return money(value).toFixed();
}

/** F5 (seed 003) int64 minor units as a JSON string: 99.00 CNY → "9900". */
export function toMinorUnitsString(value: DecimalLike, currency: string): string {
  return roundToMinor(value, currency).times(new Decimal(10).pow(minorUnits(currency))).toFixed(0);
}

/** F5's int32 `flat_price` in cents as a JSON number (safe: plan prices are far below 2^31 cents). */
export function toMinorUnitsInt(value: DecimalLike, currency: string): number {
  const minor = toMinorUnitsString(value, currency);
  const parsed = Number.parseInt(minor, 10);
  if (!Number.isSafeInteger(parsed) || Math.abs(parsed) > 2_147_483_647) throw new Error('amount exceeds int32 minor units');
  return parsed;
}

/** Seed 004's Money: units (int64, as a string to stay exact) and nanos sharing one sign. */
export type MoneyParts = { currency_code: string; units: string; nanos: number };

export function toMoneyParts(value: DecimalLike, currency: string): MoneyParts {
  const exact = money(value).toDecimalPlaces(9, Decimal.ROUND_HALF_UP);
  const units = exact.trunc();
  const nanos = exact.minus(units).times(1_000_000_000);
  return { currency_code: currency, units: units.toFixed(0), nanos: nanos.isZero() ? 0 : Number(nanos.toFixed(0)) };
}

export function fromMoneyParts(parts: { units: string | number; nanos: number }): Decimal {
  return new Decimal(String(parts.units)).plus(new Decimal(parts.nanos).dividedBy(1_000_000_000));
}
