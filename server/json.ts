import { toDecimalString } from './money';
import { isDecimalText, isExactDecimal } from './money-schema';
import { rfc3339 } from './time/rfc3339';

/**
 * The one JSON writer for the wire. A Decimal is written with its own digits as a JSON number
 * literal (12345678901.123456789 stays exact), a bigint with its digits; Dates become RFC 3339
 * UTC. `JSON.stringify` alone would route money through a float and lose digits: the value is
 * copied with those literals as raw JSON (JSON.rawJSON, Node ≥ 21), then stringified natively.
 * (A replacer function instead would take JSON.stringify off V8's fast path: twice the cost.)
 */
function prepare(value: unknown): unknown {
  if (typeof value === 'bigint') return rawJson(value.toString());
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return rfc3339(value);
  if (isDecimalText(value)) return rawJson(value.digits);
  if (isExactDecimal(value)) return rawJson(toDecimalString(value));
  if (Array.isArray(value)) return value.map(prepare);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = prepare(item);
  }
  return out;
}

const rawJson = (JSON as unknown as { rawJSON: (text: string) => unknown }).rawJSON;

export function writeJson(value: unknown): string {
  return JSON.stringify(prepare(value)) ?? 'null';
}
