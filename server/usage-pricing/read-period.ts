import type { Tx } from '../transaction';
import { Decimal, money, ZERO } from '../money';
import { compareHourRows, type HourRow } from './price-series';

/** usage_hourly rows of one resource type in [from, to), in pricing order (compareHourRows). */
export async function readHourRows(tx: Tx, tenantId: string, resourceType: string, from: Date, to: Date): Promise<HourRow[]> {
  const rows = await tx.usageHourly.findMany({
    where: { tenantId, resourceType, hourStart: { gte: from, lt: to } },
    orderBy: [{ hourStart: 'asc' }, { namespaceId: 'asc' }, { appId: 'asc' }],
    select: { namespaceId: true, appId: true, hourStart: true, quantity: true, maxValue: true, eventCount: true },
  });
  // Sorted here, not by the database's collation: the walk order must be the same everywhere.
  return rows.map((r) => ({ ...r, quantity: money(r.quantity), maxValue: r.maxValue === null ? null : money(r.maxValue) })).sort(compareHourRows);
}

export type ExistingLine = { id: string; billId: string; quantity: Decimal; includedQuantity: Decimal; unitPrice: Decimal; originalAmount: Decimal; discountAmount: Decimal; couponAmount: Decimal; amount: Decimal };

export const lineKey = (l: { namespaceId: string; appId: string; hourStart: Date }) => `${l.namespaceId}|${l.appId}|${l.hourStart.toISOString()}`;

/** amount here is before vouchers (Σ amount + voucher_amount): what pricing alone decides. */
export type LineTotals = { quantity: Decimal; includedQuantity: Decimal; originalAmount: Decimal; discountAmount: Decimal; couponAmount: Decimal; amount: Decimal };

/** Every line (consumption and reconciliation) of one resource type in a period, summed by line key. */
export async function readLineTotals(tx: Tx, tenantId: string, resourceType: string, from: Date, to: Date): Promise<Map<string, LineTotals>> {
  const groups = await tx.chargeLine.groupBy({
    by: ['namespaceId', 'appId', 'hourStart'],
    where: { tenantId, resourceType, consumeType: { in: ['consumption', 'reconciliation'] }, hourStart: { gte: from, lt: to } },
    _sum: { quantity: true, includedQuantity: true, originalAmount: true, discountAmount: true, couponAmount: true, voucherAmount: true, amount: true },
  });
  return new Map(groups.map((g) => [lineKey({ namespaceId: g.namespaceId ?? '', appId: g.appId ?? '', hourStart: g.hourStart }), totalsOf(g._sum)]));
}

type Sums = { quantity: unknown; includedQuantity: unknown; originalAmount: unknown; discountAmount: unknown; couponAmount: unknown; voucherAmount: unknown; amount: unknown };

/** A groupBy's sums as LineTotals (nulls as 0; amount before vouchers). */
export function totalsOf(sums: Sums): LineTotals {
  const z = (v: unknown) => (v === null || v === undefined ? ZERO : money(v as Decimal));
  return {
    quantity: z(sums.quantity), includedQuantity: z(sums.includedQuantity), originalAmount: z(sums.originalAmount),
    discountAmount: z(sums.discountAmount), couponAmount: z(sums.couponAmount), amount: z(sums.amount).plus(z(sums.voucherAmount)),
  };
}
