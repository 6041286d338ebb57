import { z } from 'zod';

/** Money as tRPC carries it out: a decimal string with its exact digits, never a float. */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/);

/** Money or a quantity coming in: non-negative, at most 21 integer digits and 9 places (numeric(30,9)). */
export const nonNegativeDecimalInput = z.string().regex(/^\d{1,21}(\.\d{1,9})?$/, 'a non-negative decimal with at most 9 places');
