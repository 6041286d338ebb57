import type { Tx } from '../transaction';
import type { Prisma } from '../db';
import { newId } from '../ids';
import { now } from '../clock';
import { money, toDecimalString, ZERO, type Decimal, type DecimalLike } from '../money';
import { billKey, ensureBills } from '../usage-pricing/accounts';

const HOUR_MS = 3_600_000;

export type RefundLinesResult = { lines: number; amount: Decimal };

/**
 * Seed 004's CT_REFUND lines of a refunded invoice, written in the refund's own transaction: one
 * line per consumption or reconciliation line the invoice billed (its usage part; an invoice
 * without charge lines gets none), every quantity and amount negated — quantity, included,
 * original, discount, coupon, voucher, amount, and paid / unpaid as the original carries them —
 * so the refund lines add up to exactly minus what the invoice billed from them.
 *
 * - `billing_record_id` is the refunded invoice: no period close takes them (chargeLinesOf wants
 *   none), since the money already went back by the refund itself.
 * - They sit in the hour of the refund (002 shows them on the refund day) on the bill of that
 *   hour's local month: the month the refund happens. The bill is chosen by the line's own hour,
 *   as consumption lines are, so 002's day and 004's bill never disagree.
 * - Final from birth (never re-priced); pricing reads only consumption and reconciliation lines,
 *   so a refund never turns into a reconciliation of the period it refunds.
 * - A refund happens once (the invoice leaves `paid` in the same transaction); the existence check
 *   makes a repeat write nothing all the same.
 */
export async function writeRefundLines(tx: Tx, tenantId: string, invoice: { id: string; invoiceNumber: string | null }): Promise<RefundLinesResult> {
  const done = await tx.chargeLine.count({ where: { tenantId, billingRecordId: invoice.id, consumeType: 'refund' } });
  if (done > 0) return { lines: 0, amount: ZERO };
  const billed = await tx.chargeLine.findMany({
    where: { tenantId, billingRecordId: invoice.id, consumeType: { in: ['consumption', 'reconciliation'] } },
    orderBy: [{ hourStart: 'asc' }, { id: 'asc' }],
  });
  if (billed.length === 0) return { lines: 0, amount: ZERO };
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true, billingTimezone: true } });
  const at = now();
  const hourStart = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
  const accounts = [...new Set(billed.map((l) => l.billingAccountId))];
  const bills = await ensureBills(tx, tenantId, tenant.currency, tenant.billingTimezone, accounts.map((billingAccountId) => ({ billingAccountId, instant: hourStart })));
  const label = invoice.invoiceNumber ?? invoice.id;
  // 0 − x, not x.negated(): a zero stays 0, never -0.
  const minus = (value: DecimalLike) => ZERO.minus(money(value));
  const perBill = new Map<string, Decimal>();
  const rows: Prisma.ChargeLineCreateManyInput[] = billed.map((line) => {
    const billId = bills.get(billKey(line.billingAccountId, hourStart, tenant.billingTimezone))!;
    const amount = minus(line.amount);
    perBill.set(billId, (perBill.get(billId) ?? ZERO).plus(amount));
    return {
      tenantId, id: newId('chg'), billId, billingAccountId: line.billingAccountId, resourceGroupId: line.resourceGroupId, resourceId: line.resourceId,
      subscriptionId: line.subscriptionId, namespaceId: line.namespaceId, appId: line.appId, ownerUserId: line.ownerUserId,
      skuId: line.skuId, spuId: line.spuId, categoryId: line.categoryId, resourceType: line.resourceType, hourStart,
      quantity: toDecimalString(minus(line.quantity)), includedQuantity: toDecimalString(minus(line.includedQuantity)), unitPrice: toDecimalString(money(line.unitPrice)),
      originalAmount: toDecimalString(minus(line.originalAmount)), discountAmount: toDecimalString(minus(line.discountAmount)),
      couponAmount: toDecimalString(minus(line.couponAmount)), voucherAmount: toDecimalString(minus(line.voucherAmount)), amount: toDecimalString(amount),
      paidAmount: toDecimalString(minus(line.paidAmount)), unpaidAmount: toDecimalString(minus(line.unpaidAmount)),
      currency: line.currency, paymentModel: line.paymentModel, consumeType: 'refund',
      consumeDesc: `refund of ${label}: ${line.consumeType} of ${line.hourStart.toISOString()}`,
      provisional: false, billingRecordId: invoice.id, createdAt: at,
    };
  });
  await tx.chargeLine.createMany({ data: rows });
  // A bill's amount is the sum of its lines (seed 004's rows add up to it).
  const deltas = [...perBill].filter(([, delta]) => !delta.isZero());
  if (deltas.length) {
    await tx.$executeRaw`
      UPDATE bills b SET amount = b.amount + d.delta, updated_at = ${at}
      FROM unnest(${deltas.map(([id]) => id)}::text[], ${deltas.map(([, d]) => toDecimalString(d))}::numeric[]) AS d(id, delta)
      WHERE b.tenant_id = ${tenantId} AND b.id = d.id`;
  }
  return { lines: rows.length, amount: [...perBill.values()].reduce((total, d) => total.plus(d), ZERO) };
}
