import { LosslessNumber, stringify } from 'lossless-json';
import { toDecimalString } from './money';
import { isExactDecimal } from './money-schema';
import { rfc3339 } from './time/rfc3339';

/**
 * The one JSON writer for the wire. A Decimal is written with its own digits as a JSON number
 * literal (12345678901.123456789 stays exact); Dates become RFC 3339 UTC. `JSON.stringify`
 * would route money through a float and lose digits.
 */
function prepare(value: unknown): unknown {
  if (value instanceof Date) return rfc3339(value);
  if (Array.isArray(value)) return value.map(prepare);
  if (value && typeof value === 'object') {
    if (isExactDecimal(value)) return new LosslessNumber(toDecimalString(value));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = prepare(item);
    return out;
  }
  return value;
}

export function writeJson(value: unknown): string {
  return stringify(prepare(value)) ?? 'null';
}
