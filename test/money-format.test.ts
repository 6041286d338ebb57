import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMoney } from '@/components/portal/format';
import { minorUnits, SUPPORTED_CURRENCIES } from '@/server/money';

/** Intl puts a narrow no-break space in some locales; compare on plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('uses the currency\'s minor unit: JPY and KRW none, CNY and USD two', () => {
    expect(plain(formatMoney('1234', 'JPY', 'en'))).toBe('¥1,234');
    expect(plain(formatMoney('1234.00', 'JPY', 'en'))).toBe('¥1,234');
    expect(plain(formatMoney('5000', 'KRW', 'en'))).toBe('₩5,000');
    expect(plain(formatMoney('99', 'CNY', 'zh-CN'))).toBe('¥99.00');
    expect(plain(formatMoney('12.3', 'USD', 'en'))).toBe('$12.30');
    expect(plain(formatMoney('-12.3', 'USD', 'en'))).toBe('-$12.30');
    expect(plain(formatMoney('0', 'USD', 'en'))).toBe('$0.00');
  });

  it('never drops a non-zero digit below the minor unit, and never rounds', () => {
    expect(plain(formatMoney('1234.5', 'JPY', 'en'))).toBe('¥1,234.5');
    expect(plain(formatMoney('0.005', 'USD', 'en'))).toBe('$0.005');
    expect(plain(formatMoney('0.000000001', 'CNY', 'zh-CN'))).toBe('¥0.000000001');
    expect(plain(formatMoney('12345678901.123456789', 'USD', 'en'))).toBe('$12,345,678,901.123456789');
    expect(plain(formatMoney('19.990000000', 'USD', 'en'))).toBe('$19.99');
  });

  it('agrees with the minor-unit table of server/money.ts for every currency we bill in', () => {
    for (const currency of SUPPORTED_CURRENCIES) expect(currencyDigits(currency), currency).toBe(minorUnits(currency));
  });

  it('refuses something that is not a decimal string', () => {
    expect(() => formatMoney('1e3', 'USD', 'en')).toThrow();
  });
});
