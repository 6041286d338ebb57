import { Decimal, money, type DecimalLike } from '../money';

/** Seed 004 Money: `units` the whole part (int64), `nanos` the nine decimals, both with the amount's sign. */
export type WireMoney = { currency_code: string; units: Decimal; nanos: number };

const NANOS_PER_UNIT = new Decimal(1_000_000_000);

/**
 * Exact for every numeric(30,9) amount: units = trunc(amount), nanos = (amount − units) × 10⁹.
 * −1.5 → {units: −1, nanos: −500000000}; units stays a Decimal so the JSON writer keeps its digits.
 */
export function toWireMoney(amount: DecimalLike, currency: string): WireMoney {
  const value = money(amount);
  const units = value.trunc();
  const nanos = value.minus(units).times(NANOS_PER_UNIT);
  if (!nanos.isInteger()) throw new Error(`amount ${value.toFixed()} has more than nine decimals`);
  return { currency_code: currency, units, nanos: nanos.toNumber() };
}

/** The inverse, for tests and sums: units + nanos / 10⁹. */
export function fromWireMoney(wire: { units: DecimalLike; nanos: number }): Decimal {
  return money(wire.units).plus(new Decimal(wire.nanos).div(NANOS_PER_UNIT));
}
