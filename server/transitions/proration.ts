import { Decimal, minorUnits, money, roundToMinor, ZERO, type DecimalLike } from '../money';
import { localDaysBetween, startOfLocalDay } from '../time/zoned';
import type { BillingCycle, ProrationMode } from '../generated/prisma/enums';
import { periodEnd } from '../subscriptions/periods';

/** What a transition moves, line by line, each line rounded half up to the minor unit on its own. */
export type ProrationInput = {
  currency: string;
  taxRate: DecimalLike;
  timeZone: string;
  periodStart: Date;
  periodEnd: Date;
  /** The instant the quote is made; the effective day is its local calendar day. */
  at: Date;
  fromPrice: DecimalLike;
  toPrice: DecimalLike;
  mode: ProrationMode;
  /** No money moves in a trial: nothing was paid for it and nothing is charged. */
  trialing: boolean;
  /** What is left of what was paid for this period (before tax, and its tax): the most any credit can give back. */
  paidRemaining: { amount: DecimalLike; tax: DecimalLike };
  /** The tenant's credit balance, applied to a charge due now. */
  creditBalance: DecimalLike;
  /**
   * A change of billing cycle (Stripe's interval change): applied now, the unused value is still
   * old × r / N, but the new cycle's full price is charged for a new period from the effective day.
   */
  newCycle?: BillingCycle;
};

export type Proration = {
  periodDays: number;
  remainingDays: number;
  effectiveAt: Date;
  /** A change of cycle applied now: the new period runs from effectiveAt (the new anchor) to here. */
  newPeriodEnd: Date | null;
  /** The unused value of the current plan (old price × r / N) and its tax: given back. */
  unused: { amount: Decimal; tax: Decimal };
  /** The new plan's prorated charge (new price × r / N) and its tax. */
  charge: { amount: Decimal; tax: Decimal };
  /** charge total − unused total: > 0 billed now (a proration invoice), < 0 credited now. */
  net: Decimal;
  /** Credit balance applied to a positive net, and what remains due now. */
  creditApplied: Decimal;
  amountDue: Decimal;
  /** What goes to the credit ledger now (a downgrade now): −net when net < 0. */
  creditToLedger: Decimal;
};

const min = (a: Decimal, b: Decimal) => (a.lt(b) ? a : b);
const nonNegative = (value: Decimal) => (value.lt(0) ? ZERO : value);

/**
 * Proration by calendar days in the tenant's zone (DOMAIN.md): for a change effective on day d of
 * an N-day period, r = days from d (inclusive) to the period's end; unused = old × r / N and
 * charge = new × r / N, each rounded half up as its own line, tax half up per line. The unused line
 * never exceeds what is left of what was paid for the period, so consecutive changes in one period
 * never credit more than was paid.
 */
export function prorate(input: ProrationInput): Proration {
  const { currency, timeZone } = input;
  const rate = money(input.taxRate);
  const periodDays = Math.max(1, localDaysBetween(input.periodStart, input.periodEnd, timeZone));
  const today = startOfLocalDay(input.at, timeZone);
  const now = input.mode === 'prorate_now' || input.mode === 'prorate_now_credit';
  const effectiveAt = input.mode === 'at_period_end' ? input.periodEnd : (today < input.periodStart ? input.periodStart : today);
  const remainingDays = Math.min(periodDays, Math.max(0, localDaysBetween(effectiveAt, input.periodEnd, timeZone)));
  const zero = { amount: ZERO, tax: ZERO };
  if (!now || input.trialing) {
    return { periodDays, remainingDays, effectiveAt, newPeriodEnd: null, unused: zero, charge: zero, net: ZERO, creditApplied: ZERO, amountDue: ZERO, creditToLedger: ZERO };
  }
  const newPeriodEnd = input.newCycle ? periodEnd(effectiveAt, input.newCycle, timeZone, effectiveAt) : null;
  const fraction = (price: DecimalLike) => roundToMinor(money(price).times(remainingDays).dividedBy(periodDays), currency);
  // The unused line's total (with its tax) stays within what is left of the period's payments;
  // its tax stays round(amount × rate), as the invoice computes it.
  const paidLeft = nonNegative(money(input.paidRemaining.amount).plus(money(input.paidRemaining.tax)));
  const step = new Decimal(1).dividedBy(new Decimal(10).pow(minorUnits(currency)));
  let unusedAmount = min(fraction(input.fromPrice), roundToMinor(paidLeft.dividedBy(rate.plus(1)), currency));
  while (unusedAmount.gt(0) && unusedAmount.plus(roundToMinor(unusedAmount.times(rate), currency)).gt(paidLeft)) unusedAmount = unusedAmount.minus(step);
  const unusedTax = roundToMinor(unusedAmount.times(rate), currency);
  const chargeAmount = input.newCycle ? roundToMinor(money(input.toPrice), currency) : fraction(input.toPrice);
  const chargeTax = roundToMinor(chargeAmount.times(rate), currency);
  const net = chargeAmount.plus(chargeTax).minus(unusedAmount).minus(unusedTax);
  const balance = nonNegative(money(input.creditBalance));
  const creditApplied = net.gt(0) ? min(balance, net) : ZERO;
  return {
    periodDays, remainingDays, effectiveAt, newPeriodEnd,
    unused: { amount: unusedAmount, tax: unusedTax },
    charge: { amount: chargeAmount, tax: chargeTax },
    net, creditApplied,
    amountDue: net.gt(0) ? net.minus(creditApplied) : ZERO,
    creditToLedger: net.lt(0) ? net.negated() : ZERO,
  };
}

export { Decimal };
