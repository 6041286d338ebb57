import { toDecimalString } from './money';
import { isDecimalText, isExactDecimal } from './money-schema';
import { rfc3339 } from './time/rfc3339';

/**
 * The one JSON writer for the wire. A Decimal is written with its own digits as a JSON number
 * literal (12345678901.123456789 stays exact), a bigint with its digits; Dates become RFC 3339
 * UTC. `JSON.stringify` alone would route money through a float and lose digits: those values are
 * replaced by raw JSON literals (JSON.rawJSON, Node ≥ 21), then the value is stringified natively.
 * Copy on write: an object or array is copied only when something in it was replaced, so a body
 * already made of plain values and raw JSON (a DecimalText) is stringified as it is.
 * (A replacer function instead would take JSON.stringify off V8's fast path: twice the cost.)
 */
function prepare(value: unknown): unknown {
  if (typeof value === 'bigint') return rawJson(value.toString());
  // Raw JSON (a DecimalText, or a literal made here) is written as it is.
  if (typeof value !== 'object' || value === null || isDecimalText(value)) return value;
  if (value instanceof Date) return rfc3339(value);
  if (isExactDecimal(value)) return rawJson(toDecimalString(value));
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      const prepared = prepare(item);
      if (copy) copy.push(prepared);
      else if (prepared !== item) (copy = value.slice(0, i)).push(prepared);
    }
    return copy ?? value;
  }
  // Plain objects and class instances alike become their own enumerable properties (as before);
  // JSON.stringify drops undefined members itself.
  const keys = Object.keys(value);
  let copy: Record<string, unknown> | null = Object.getPrototypeOf(value) === Object.prototype ? null : {};
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    const item = (value as Record<string, unknown>)[key];
    const prepared = prepare(item);
    if (copy) copy[key] = prepared;
    else if (prepared !== item) {
      copy = {};
      for (let j = 0; j < i; j += 1) copy[keys[j]!] = (value as Record<string, unknown>)[keys[j]!];
      copy[key] = prepared;
    }
  }
  return copy ?? value;
}

const rawJson = (JSON as unknown as { rawJSON: (text: string) => unknown }).rawJSON;

export function writeJson(value: unknown): string {
  return JSON.stringify(prepare(value)) ?? 'null';
}
