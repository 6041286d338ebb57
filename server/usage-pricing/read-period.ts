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

export type ExistingLine = { id: string; billId: string; quantity: Decimal; includedQuantity: Decimal; unitPrice: Decimal; originalAmount: Decimal; discountAmount: Decimal; amount: Decimal };

export const lineKey = (l: { namespaceId: string; appId: string; hourStart: Date }) => `${l.namespaceId}|${l.appId}|${l.hourStart.toISOString()}`;

export type LineTotals = { quantity: Decimal; includedQuantity: Decimal; originalAmount: Decimal; discountAmount: Decimal; amount: Decimal };

/** Every line (consumption and reconciliation) of one resource type in a period, summed by line key. */
export async function readLineTotals(tx: Tx, tenantId: string, resourceType: string, from: Date, to: Date): Promise<Map<string, LineTotals>> {
  const groups = await tx.chargeLine.groupBy({
    by: ['namespaceId', 'appId', 'hourStart'],
    where: { tenantId, resourceType, consumeType: { in: ['consumption', 'reconciliation'] }, hourStart: { gte: from, lt: to } },
    _sum: { quantity: true, includedQuantity: true, originalAmount: true, discountAmount: true, amount: true },
  });
  const z = (v: unknown) => (v === null || v === undefined ? ZERO : money(v as Decimal));
  return new Map(groups.map((g) => [lineKey({ namespaceId: g.namespaceId ?? '', appId: g.appId ?? '', hourStart: g.hourStart }), {
    quantity: z(g._sum.quantity), includedQuantity: z(g._sum.includedQuantity), originalAmount: z(g._sum.originalAmount),
    discountAmount: z(g._sum.discountAmount), amount: z(g._sum.amount),
  }]));
}
