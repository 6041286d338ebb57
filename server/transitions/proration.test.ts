import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { money, minorUnits } from '../money';
import { fromLocal } from '../time/zoned';
import { prorate } from './proration';

const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata', 'Europe/London'];
const CURRENCIES = ['CNY', 'USD', 'JPY'];
const price = fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 999_999_999 }), fc.boolean())
  .map(([units, nanos, fractional]) => (fractional ? `${units}.${String(nanos).padStart(9, '0')}` : String(units)));
const isMinor = (value: { decimalPlaces(): number }, currency: string) => value.decimalPlaces() <= minorUnits(currency);

describe('prorate (pure)', () => {
  it('Lago\'s documented example: 14/31 × 100 = 45.16, half up per line, tax per line', () => {
    const zone = 'Europe/Paris';
    const p = prorate({
      currency: 'EUR', taxRate: '0.2', timeZone: zone,
      periodStart: fromLocal({ year: 2026, month: 1, day: 1 }, zone), periodEnd: fromLocal({ year: 2026, month: 2, day: 1 }, zone),
      at: fromLocal({ year: 2026, month: 1, day: 18, hour: 15 }, zone),
      fromPrice: '100', toPrice: '200', mode: 'prorate_now', trialing: false, paidRemaining: { amount: '100', tax: '20' }, creditBalance: '0',
    });
    expect([p.periodDays, p.remainingDays]).toEqual([31, 14]);
    expect([p.unused.amount.toFixed(2), p.unused.tax.toFixed(2), p.charge.amount.toFixed(2), p.charge.tax.toFixed(2)]).toEqual(['45.16', '9.03', '90.32', '18.06']);
    expect(p.net.toFixed(2)).toBe('54.19');
    expect(p.amountDue.toFixed(2)).toBe('54.19');
  });

  it('every line is in minor units, r ≤ N, totals add up, and nothing credits more than is left of the payments', () => {
    fc.assert(fc.property(
      fc.constantFrom(...ZONES), fc.constantFrom(...CURRENCIES), fc.constantFrom('0', '0.06', '0.13', '0.075'),
      fc.integer({ min: 2025, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.boolean(),
      fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 23 }), price, price, price,
      fc.constantFrom('prorate_now' as const, 'prorate_now_credit' as const, 'at_renewal' as const, 'at_period_end' as const),
      (zone, currency, taxRate, year, month, day, yearly, offsetDays, hour, fromPrice, toPrice, rawBalance, mode) => {
        // Ledger balances are sums of minor-unit amounts.
        const balance = money(rawBalance).toDecimalPlaces(minorUnits(currency));
        const periodStart = fromLocal({ year, month, day: Math.min(day, 28) }, zone);
        const periodEnd = fromLocal({ year: year + (yearly ? 1 : 0), month: yearly ? month : month + 1, day: Math.min(day, 28) }, zone);
        const at = new Date(periodStart.getTime() + (offsetDays % (yearly ? 365 : 28)) * 86_400_000 + hour * 3_600_000);
        const paid = money(fromPrice).toDecimalPlaces(minorUnits(currency));
        const paidTax = paid.times(taxRate).toDecimalPlaces(minorUnits(currency));
        const p = prorate({ currency, taxRate, timeZone: zone, periodStart, periodEnd, at, fromPrice, toPrice, mode, trialing: false, paidRemaining: { amount: paid, tax: paidTax }, creditBalance: balance });
        expect(p.remainingDays).toBeGreaterThanOrEqual(0);
        expect(p.remainingDays).toBeLessThanOrEqual(p.periodDays);
        for (const value of [p.unused.amount, p.unused.tax, p.charge.amount, p.charge.tax, p.net, p.creditApplied, p.amountDue, p.creditToLedger]) expect(isMinor(value, currency)).toBe(true);
        expect(p.unused.amount.plus(p.unused.tax).lte(paid.plus(paidTax))).toBe(true);
        expect(p.net.eq(p.charge.amount.plus(p.charge.tax).minus(p.unused.amount).minus(p.unused.tax))).toBe(true);
        expect(p.amountDue.plus(p.creditApplied).minus(p.creditToLedger).eq(p.net)).toBe(true);
        expect(p.creditApplied.lte(money(balance))).toBe(true);
        if (mode === 'at_renewal' || mode === 'at_period_end') expect(p.net.isZero()).toBe(true);
        if (mode === 'at_period_end') expect(p.effectiveAt).toEqual(periodEnd);
      },
    ), { numRuns: 400 });
  });
});
