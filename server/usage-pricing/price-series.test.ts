import { describe, expect, it } from 'vitest';
import { money, ZERO } from '../money';
import { emptyWalkState, priceHours, type HourRow, type PricingRules } from './price-series';

const h = (hour: number) => new Date(Date.UTC(2026, 2, 1, hour));
const row = (hour: number, quantity: string, extra: Partial<HourRow> = {}): HourRow => ({ namespaceId: 'ns', appId: '', hourStart: h(hour), quantity, maxValue: quantity, eventCount: 1, ...extra });
const rules = (over: Partial<PricingRules> = {}): PricingRules => ({
  meterKind: 'counter', gaugeBilling: 'peak', includedUnits: '0', periodHours: 744, currency: 'CNY', unitPriceAt: () => money('0.0002'), couponPercentAt: () => ZERO, ...over,
});
const view = (lines: ReturnType<typeof priceHours>) => lines.map((l) => [l.quantity.toFixed(), l.includedQuantity.toFixed(), l.originalAmount.toFixed(), l.discountAmount.toFixed(), l.amount.toFixed()]);

describe('priceHours', () => {
  it('consumes included units in time order, then bills the rest at list price, half up per line', () => {
    const lines = priceHours([row(0, '600'), row(1, '600'), row(2, '25')], rules({ includedUnits: '1000' }), emptyWalkState());
    // 600 × 0.0002 = 0.12; the second hour has 400 included and 200 over: 0.12 − 0.08 = 0.04; 25 × 0.0002 = 0.005 → 0.01.
    expect(view(lines)).toEqual([
      ['600', '600', '0.12', '0.12', '0'],
      ['600', '400', '0.12', '0.08', '0.04'],
      ['25', '0', '0.01', '0', '0.01'],
    ]);
  });

  it('continues from a carried walk state exactly as the whole walk would', () => {
    const rows = [row(0, '700'), row(1, '700'), row(2, '700')];
    const whole = priceHours(rows, rules({ includedUnits: '1000' }), emptyWalkState());
    const state = emptyWalkState();
    priceHours(rows.slice(0, 1), rules({ includedUnits: '1000' }), state);
    expect(view(priceHours(rows.slice(1), rules({ includedUnits: '1000' }), state))).toEqual(view(whole.slice(1)));
  });

  it('bills a gauge by peak: each hour adds how far it raised its series peak', () => {
    const gauge = rules({ meterKind: 'gauge', gaugeBilling: 'peak', unitPriceAt: () => money('0.05'), includedUnits: '100' });
    const lines = priceHours([row(0, '80'), row(1, '150', { quantity: '260', maxValue: '150', eventCount: 2 }), row(2, '120')], gauge, emptyWalkState());
    expect(view(lines)).toEqual([
      ['80', '80', '4', '4', '0'],
      ['70', '20', '3.5', '1', '2.5'],
      ['0', '0', '0', '0', '0'],
    ]);
  });

  it('bills a gauge by average: the hourly mean over the period hours', () => {
    const gauge = rules({ meterKind: 'gauge', gaugeBilling: 'average', periodHours: 4, unitPriceAt: () => money('0.12') });
    // Hour 0: samples 10 and 30 → mean 20 → 20/4 = 5; hour 1: 8 → 2. Period average (20+8+0+0)/4 = 7.
    const lines = priceHours([row(0, '40', { maxValue: '30', eventCount: 2 }), row(1, '8')], gauge, emptyWalkState());
    expect(view(lines)).toEqual([['5', '0', '0.6', '0', '0.6'], ['2', '0', '0.24', '0', '0.24']]);
  });

  it('uses the list price in force at each hour', () => {
    const priced = priceHours([row(0, '10'), row(5, '10')], rules({ unitPriceAt: (t) => money(t < h(3) ? '0.5' : '0.25') }), emptyWalkState());
    expect(view(priced).map((l) => l[4])).toEqual(['5', '2.5']);
  });

  it('takes a coupon off what is left after included units, half up per line, only in the hours it covers', () => {
    // 0.43 − 0.10 included = 0.33, 10 % = 0.033 → 0.03; 0.25 × 12.5 % = 0.03125 → 0.03; 0.05 × 12.5 % = 0.00625 → 0.01.
    const coupon = rules({ unitPriceAt: () => money('0.01'), includedUnits: '10', couponPercentAt: (t) => money(t < h(1) ? '10' : t < h(3) ? '12.5' : '0') });
    const lines = priceHours([row(0, '43'), row(1, '25'), row(2, '5'), row(3, '7')], coupon, emptyWalkState());
    expect(lines.map((l) => [l.originalAmount.toFixed(), l.discountAmount.toFixed(), l.couponAmount.toFixed(), l.voucherAmount.toFixed(), l.amount.toFixed()])).toEqual([
      ['0.43', '0.1', '0.03', '0', '0.3'],
      ['0.25', '0', '0.03', '0', '0.22'],
      ['0.05', '0', '0.01', '0', '0.04'],
      ['0.07', '0', '0', '0', '0.07'],
    ]);
    // 100 % off leaves nothing to pay, never less.
    const all = priceHours([row(0, '3')], rules({ unitPriceAt: () => money('0.333'), couponPercentAt: () => money('100') }), emptyWalkState());
    expect([all[0]!.couponAmount.toFixed(), all[0]!.amount.toFixed()]).toEqual(['1', '0']);
  });
});
