import { localDaysBetween, startOfLocalDay } from '../time/zoned';
import { money, priceLine, type DecimalLike } from '../money';
import type { ProratedCharge } from './schema';

/**
 * DOMAIN.md proration for an add-on started at `at`: N = calendar days of the period in the
 * tenant's zone, r = days from today (inclusive) to the period's end; the charge is
 * price × r / N rounded half up to the minor unit as its own line, and its tax half up.
 */
export function prorateAddOn(input: { price: DecimalLike; periodStart: Date; periodEnd: Date; at: Date; timeZone: string; taxRate: DecimalLike; currency: string }) {
  const periodDays = Math.max(1, localDaysBetween(input.periodStart, input.periodEnd, input.timeZone));
  const today = startOfLocalDay(input.at, input.timeZone);
  const from = today < input.periodStart ? input.periodStart : today;
  const remainingDays = Math.min(periodDays, Math.max(0, localDaysBetween(from, input.periodEnd, input.timeZone)));
  const unitPrice = money(input.price).times(remainingDays).dividedBy(periodDays);
  const line = priceLine(1, unitPrice, input.taxRate, input.currency);
  return { periodDays, remainingDays, unitPrice: line.amount, amount: line.amount, taxAmount: line.taxAmount, total: line.total };
}

export function proratedChargeView(p: ReturnType<typeof prorateAddOn>): ProratedCharge {
  return { amount: p.amount.toFixed(), taxAmount: p.taxAmount.toFixed(), total: p.total.toFixed(), remainingDays: p.remainingDays, periodDays: p.periodDays };
}
