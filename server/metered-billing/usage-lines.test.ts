import { describe, expect, it } from 'vitest';
import { money, ZERO } from '../money';
import { linesSubtotal, usageInvoiceLines, type ChargeGroup } from './usage-lines';

const period = { start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') };
const group = (over: Partial<ChargeGroup>): ChargeGroup => ({
  consumeType: 'consumption', resourceType: 'api_calls', skuId: 'sku_api_calls', unitPrice: money('0.0002'), quantity: ZERO, includedQuantity: ZERO,
  couponAmount: ZERO, voucherAmount: ZERO, amount: ZERO, ...over,
});
const shown = (lines: ReturnType<typeof usageInvoiceLines>) => lines.map((l) => [l.description, money(l.quantity).toFixed(), money(l.unitPrice).toFixed()]);

describe('usage invoice lines from charge-line groups', () => {
  it('overage at the SKU price; coupons and vouchers as negative lines; a rounding line makes the invoice equal the hourly lines', () => {
    // 1,234,567 calls, 1,000,000 included: 46.9134 − 5 − 1.5 = 40.4134, but the hourly lines, each rounded, add up to 40.40.
    const lines = usageInvoiceLines([
      group({ quantity: money('1234567'), includedQuantity: money('1000000'), couponAmount: money('5'), voucherAmount: money('1.5'), amount: money('40.40') }),
      group({ resourceType: 'storage_gb', skuId: 'sku_storage', unitPrice: money('0.12'), quantity: money('12.5'), amount: money('1.50') }),
    ], 'CNY', period);
    expect(shown(lines)).toEqual([
      ['api_calls overage', '234567', '0.0002'],
      ['api_calls coupon', '1', '-5'],
      ['api_calls voucher', '1', '-1.5'],
      ['api_calls rounding of hourly lines', '1', '-0.01'],
      ['storage_gb overage', '12.5', '0.12'],
    ]);
    expect(linesSubtotal(lines, 'CNY').toFixed(2)).toBe('41.90');
    expect(lines.every((l) => l.periodStart === period.start && l.periodEnd === period.end)).toBe(true);
  });

  it('a price change inside the period is two overage lines; reconciliations and refunds are their own lines', () => {
    const lines = usageInvoiceLines([
      group({ unitPrice: money('0.0003'), quantity: money('10000'), amount: money('3') }),
      group({ quantity: money('10000'), amount: money('2') }),
      group({ consumeType: 'reconciliation', quantity: money('-5000'), amount: money('-1') }),
      group({ consumeType: 'refund', resourceType: 'bandwidth_gb', skuId: 'sku_bandwidth', unitPrice: money('0.5'), quantity: money('-2'), amount: money('-1') }),
    ], 'CNY', period);
    expect(shown(lines)).toEqual([
      ['api_calls overage', '10000', '0.0002'],
      ['api_calls overage', '10000', '0.0003'],
      ['api_calls reconciliation of a closed period', '-5000', '0.0002'],
      ['bandwidth_gb refund', '-2', '0.5'],
    ]);
    expect(linesSubtotal(lines, 'CNY').toFixed(2)).toBe('3.00');
  });

  it('usage within the included units makes no line', () => {
    expect(usageInvoiceLines([group({ quantity: money('900'), includedQuantity: money('900') })], 'CNY', period)).toEqual([]);
  });
});
