import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../money';
import { parseQuantityNanos } from './quantity';

/** The definition: the decimal's value in nanos when it is exact at 9 places, non-negative and fits numeric(30,9). */
function reference(value: string | number): bigint | null {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    return null;
  }
  const scaled = d.times(1_000_000_000);
  if (!d.isFinite() || (d.isNegative() && !d.isZero()) || !scaled.isInteger()) return null;
  const nanos = BigInt(scaled.toFixed(0));
  return nanos > 10n ** 30n - 1n ? null : nanos;
}

describe('parseQuantityNanos', () => {
  it('reads plain decimals (the fast path) exactly as the Decimal definition does', () => {
    const plain = fc.tuple(fc.stringMatching(/^\d{1,31}$/), fc.option(fc.stringMatching(/^\d{1,11}$/))).map(([w, f]) => (f === null ? w : `${w}.${f}`));
    fc.assert(fc.property(plain, (text) => { expect(parseQuantityNanos(text)).toBe(reference(text)); }), { numRuns: 2000 });
    fc.assert(fc.property(fc.nat(), (n) => { expect(parseQuantityNanos(n)).toBe(BigInt(n) * 1_000_000_000n); }));
  });

  it('keeps the other forms and refusals', () => {
    expect(parseQuantityNanos('007.50')).toBe(7_500_000_000n);
    expect(parseQuantityNanos('1.5e3')).toBe(1_500_000_000_000n);
    expect(parseQuantityNanos(0.25)).toBe(250_000_000n);
    expect(parseQuantityNanos('-0')).toBe(0n);
    for (const bad of ['', ' ', '-1', '1.1234567891', 'NaN', 'Infinity', '1,5', '0x10', '9'.repeat(22)]) expect(parseQuantityNanos(bad), bad).toBeNull();
    expect(parseQuantityNanos(-3)).toBeNull();
    expect(parseQuantityNanos(Number.NaN)).toBeNull();
  });
});
