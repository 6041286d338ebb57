import Decimal from 'decimal.js';

export type RefundAmountProblem = { kind: 'invalid' } | { kind: 'precision'; places: number } | { kind: 'tooLarge' };

/**
 * The refund dialog's own check of the amount field (the server checks again: 400 / 409). Empty is
 * fine: the whole remainder. Decimal strings are compared exactly (decimal.js), never as floats.
 */
export function refundAmountProblem(value: string, remaining: string, minorDigits: number): RefundAmountProblem | null {
  const text = value.trim();
  if (text === '') return null;
  if (!/^\d{1,21}(\.\d{1,9})?$/.test(text) || new Decimal(text).lte(0)) return { kind: 'invalid' };
  const amount = new Decimal(text);
  if (amount.decimalPlaces() > minorDigits) return { kind: 'precision', places: minorDigits };
  if (amount.gt(new Decimal(remaining))) return { kind: 'tooLarge' };
  return null;
}
