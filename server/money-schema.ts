import { z } from 'zod';
import type { Decimal, DecimalText } from './money';

/** Money as tRPC carries it out: a decimal string with its exact digits, never a float. */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/);

/** Money or a quantity coming in: non-negative, at most 21 integer digits and 9 places (numeric(30,9)). */
export const nonNegativeDecimalInput = z.string().regex(/^\d{1,21}(\.\d{1,9})?$/, 'a non-negative decimal with at most 9 places');

/**
 * Money (or an exact quantity) that a seed types as a JSON `number`: a Decimal on the way out,
 * written with its own digits by the one JSON writer (server/json.ts), documented as a number.
 * Recognised by shape (decimal.js and Prisma's clone of it), so this module stays free of runtime imports.
 */
const WIRE_NUMBER = { type: 'number', description: 'exact decimal, written with its own digits (never through a float)' };
export const wireDecimalNumber = z.custom<Decimal>(isExactDecimal, 'an exact decimal').meta(WIRE_NUMBER);

/** The same wire number, also taking a DecimalText (a hot read passing the database's digits through). */
export const wireDecimalOrTextNumber = z.custom<Decimal | DecimalText>((value) => isExactDecimal(value) || isDecimalText(value), 'an exact decimal').meta(WIRE_NUMBER);

/** A DecimalText (server/money.ts): a raw JSON number. */
export function isDecimalText(value: unknown): value is DecimalText {
  return (JSON as unknown as { isRawJSON: (value: unknown) => boolean }).isRawJSON(value);
}

export function isExactDecimal(value: unknown): value is Decimal {
  return typeof value === 'object' && value !== null && typeof (value as { toFixed?: unknown }).toFixed === 'function' && 'd' in value && 'e' in value && 's' in value;
}
