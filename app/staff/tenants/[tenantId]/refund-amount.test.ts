import { describe, expect, it } from 'vitest';
import { refundAmountProblem } from './refund-amount';

describe('the refund dialog\'s amount check', () => {
  it('takes empty (the whole remainder) and exact amounts up to what remains; names the problem otherwise', () => {
    expect(refundAmountProblem('', '83.23', 2)).toBeNull();
    expect(refundAmountProblem(' 83.23 ', '83.23', 2)).toBeNull();
    expect(refundAmountProblem('1.500', '83.23', 2)).toBeNull();
    expect(refundAmountProblem('83.24', '83.23', 2)).toEqual({ kind: 'tooLarge' });
    // Beyond a float's digits: compared exactly.
    expect(refundAmountProblem('12345678901234567.02', '12345678901234567.01', 2)).toEqual({ kind: 'tooLarge' });
    expect(refundAmountProblem('1.005', '83.23', 2)).toEqual({ kind: 'precision', places: 2 });
    expect(refundAmountProblem('1.5', '100', 0)).toEqual({ kind: 'precision', places: 0 });
    for (const bad of ['0', '0.00', '-1', '1e3', 'abc', '1,5']) expect(refundAmountProblem(bad, '83.23', 2), bad).toEqual({ kind: 'invalid' });
  });
});
