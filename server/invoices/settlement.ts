import { money, ZERO, type Decimal, type DecimalLike } from '../money';
import type { BillingRecordStatus } from '../generated/prisma/enums';

type Settled = { status: BillingRecordStatus; amount: DecimalLike; creditAppliedAmount: DecimalLike; dueAt: Date | null };

/** Statuses in which the tenant still owes the invoice (collection may still run). */
const OWED: ReadonlySet<BillingRecordStatus> = new Set(['open', 'failed']);
/** Statuses in which a payment method settled what credit did not. */
const SETTLED: ReadonlySet<BillingRecordStatus> = new Set(['paid', 'refunded']);

/**
 * How an invoice's total splits between credit, payment and what is still due. There is no
 * "amount paid" column: credit applied is recorded, and a paid invoice's remainder was charged.
 * A draft or a voided invoice is owed by nobody; a refunded one keeps what was paid (the refund
 * is its own money movement, recorded by finance).
 */
export function settlementOf(record: Settled, at: Date): { creditApplied: Decimal; amountPaid: Decimal; amountDue: Decimal; overdue: boolean } {
  const creditApplied = money(record.creditAppliedAmount);
  const remainder = money(record.amount).minus(creditApplied);
  const owed = OWED.has(record.status);
  return {
    creditApplied,
    amountPaid: SETTLED.has(record.status) ? remainder : ZERO,
    amountDue: owed ? remainder : ZERO,
    overdue: owed && record.dueAt !== null && record.dueAt.getTime() < at.getTime(),
  };
}
