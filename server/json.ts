import { toDecimalString } from './money';
import { isExactDecimal } from './money-schema';
import { rfc3339 } from './time/rfc3339';

/**
 * The one JSON writer for the wire. A Decimal is written with its own digits as a JSON number
 * literal (12345678901.123456789 stays exact), a bigint with its digits; Dates become RFC 3339
 * UTC. `JSON.stringify` alone would route money through a float and lose digits; here it runs
 * with a replacer that hands it those literals as raw JSON (JSON.rawJSON, Node ≥ 21).
 */
function toWire(this: unknown, key: string, value: unknown): unknown {
  // `this[key]` is the value before its own toJSON ran (Date and Decimal both have one).
  const original = (this as Record<string, unknown>)[key];
  if (original instanceof Date) return rfc3339(original);
  if (typeof original === 'bigint') return rawJson(original.toString());
  if (isExactDecimal(original)) return rawJson(toDecimalString(original));
  return value;
}

const rawJson = (JSON as unknown as { rawJSON: (text: string) => unknown }).rawJSON;

export function writeJson(value: unknown): string {
  return JSON.stringify(value, toWire) ?? 'null';
}
