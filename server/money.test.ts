import { describe, expect, it } from 'vitest';
import DecimalJs from 'decimal.js';
import { Decimal, decimalText, fromMoneyParts, priceLine, roundToMinor, toMinorUnitsString, toMoneyParts } from './money';
import { writeJson } from './json';

describe('money', () => {
  it('rounds half up to the minor unit, per line (99 × 0.06 = 5.94)', () => {
    expect(priceLine('1', '99', '0.06', 'CNY')).toMatchObject({ amount: new Decimal('99'), taxAmount: new Decimal('5.94') });
    expect(roundToMinor('0.005', 'CNY').toFixed()).toBe('0.01');
    expect(roundToMinor('-0.005', 'CNY').toFixed()).toBe('-0.01');
    expect(roundToMinor('0.0049999', 'USD').toFixed()).toBe('0');
    expect(roundToMinor('12.5', 'JPY').toFixed()).toBe('13');
    expect(new Decimal(100).times(14).dividedBy(31).toDecimalPlaces(2).toFixed()).toBe('45.16');
  });

  it('writes JSON numbers with the exact digits of the decimal', () => {
    const body = writeJson({ a: new Decimal('12345678901.123456789'), b: new Decimal('0.000000001'), c: [new Decimal('-5.94')] });
    expect(body).toBe('{"a":12345678901.123456789,"b":0.000000001,"c":[-5.94]}');
    expect(JSON.stringify({ a: Number('12345678901.123456789') })).not.toContain('12345678901.123456789');
  });

  it('writes Dates as RFC 3339, bigints and Prisma-style Decimals with their digits, and text exactly as JSON.stringify does', () => {
    const text = 'ünïcode \u2028 "quoted" \\ \n 用量 \ud800';
    const body = writeJson({ at: new Date('2026-04-01T00:00:00Z'), ms: new Date('2026-04-01T00:00:00.250Z'), n: 12345678901234567890n, text, skipped: undefined, nested: [{ d: DecimalJs.clone()('1.10') }] });
    expect(body).toBe(`{"at":"2026-04-01T00:00:00Z","ms":"2026-04-01T00:00:00.250Z","n":12345678901234567890,"text":${JSON.stringify(text)},"nested":[{"d":1.1}]}`);
    expect(writeJson(new Decimal('7'))).toBe('7');
    // Copy on write: a value met after plain ones is replaced in place of order, and the input is left as it was.
    const input = { x: 1, y: [1, 'two', { z: new Decimal('1.50'), k: null }], w: 'a', u: undefined, d: new Date('2026-04-01T00:00:00Z') };
    expect(writeJson(input)).toBe('{"x":1,"y":[1,"two",{"z":1.5,"k":null}],"w":"a","d":"2026-04-01T00:00:00Z"}');
    expect(input.y[2]).toMatchObject({ z: new Decimal('1.5') });
    expect(writeJson(new (class Point { constructor(readonly x = 1, readonly y = new Decimal('2.0')) {} })())).toBe('{"x":1,"y":2}');
    expect(writeJson(undefined)).toBe('null');
  });

  it('writes a DecimalText with the database digits as they are, and refuses text that is not a canonical decimal', () => {
    expect(writeJson({ a: decimalText('12345678901234567890.123456789'), b: [decimalText('-0.5')], c: decimalText('0') })).toBe('{"a":12345678901234567890.123456789,"b":[-0.5],"c":0}');
    for (const bad of ['1.50', '007', '1e5', '', ' 1', '1.', '-', 'NaN', '1,5']) expect(() => decimalText(bad), bad).toThrow(/canonical/);
  });

  it('converts to F5 minor units and to seed 004 Money with one sign', () => {
    expect(toMinorUnitsString('499', 'CNY')).toBe('49900');
    expect(toMinorUnitsString('0.005', 'USD')).toBe('1');
    expect(toMoneyParts('-1.75', 'CNY')).toEqual({ currency_code: 'CNY', units: '-1', nanos: -750_000_000 });
    expect(toMoneyParts('12345678901.123456789', 'CNY')).toEqual({ currency_code: 'CNY', units: '12345678901', nanos: 123_456_789 });
    expect(toMoneyParts('0.000000001', 'CNY')).toEqual({ currency_code: 'CNY', units: '0', nanos: 1 });
    expect(fromMoneyParts({ units: '-1', nanos: -750_000_000 }).toFixed()).toBe('-1.75');
  });
});
