import type { BillingCycle } from '../generated/prisma/enums';
import { addLocalMonths, toLocal } from '../time/zoned';

/** The end of a billing period that starts at `start`, keeping the subscription's anchor day. */
export function periodEnd(start: Date, cycle: BillingCycle, timeZone: string, anchor: Date): Date {
  const anchorDay = toLocal(anchor, timeZone).day;
  return addLocalMonths(start, timeZone, cycle === 'yearly' ? 12 : 1, anchorDay);
}
