import type { Tx } from '../transaction';
import { Decimal, money, ZERO } from '../money';
import type { HourRow, WalkState } from './price-series';
import { seriesKey } from './price-series';
import type { PricingPeriod } from './periods';

/** usage_hourly rows of one resource type in [from, to), in pricing order. */
export async function readHourRows(tx: Tx, tenantId: string, resourceType: string, from: Date, to: Date): Promise<HourRow[]> {
  const rows = await tx.usageHourly.findMany({
    where: { tenantId, resourceType, hourStart: { gte: from, lt: to } },
    orderBy: [{ hourStart: 'asc' }, { namespaceId: 'asc' }, { appId: 'asc' }],
    select: { namespaceId: true, appId: true, hourStart: true, quantity: true, maxValue: true, eventCount: true },
  });
  return rows.map((r) => ({ ...r, quantity: money(r.quantity), maxValue: r.maxValue === null ? null : money(r.maxValue) }));
}

/**
 * Where the walk stands at `from`: the included units the period's consumption lines before it
 * used, and (gauges by peak) each series' peak before it, read from the rollups.
 */
export async function walkStateBefore(tx: Tx, tenantId: string, resourceType: string, period: PricingPeriod, from: Date, peaks: boolean): Promise<WalkState> {
  const used = await tx.chargeLine.aggregate({
    where: { tenantId, resourceType, consumeType: 'consumption', hourStart: { gte: period.start, lt: from } },
    _sum: { includedQuantity: true },
  });
  const state: WalkState = { includedUsed: used._sum.includedQuantity ? money(used._sum.includedQuantity) : ZERO, peaks: new Map() };
  if (!peaks || from <= period.start) return state;
  const maxima = await tx.usageHourly.groupBy({
    by: ['namespaceId', 'appId'],
    where: { tenantId, resourceType, hourStart: { gte: period.start, lt: from } },
    _max: { maxValue: true },
  });
  for (const m of maxima) if (m._max.maxValue !== null) state.peaks.set(seriesKey(m), money(m._max.maxValue));
  return state;
}

export type ExistingLine = { id: string; billId: string; quantity: Decimal; includedQuantity: Decimal; unitPrice: Decimal; originalAmount: Decimal; discountAmount: Decimal; amount: Decimal };

export const lineKey = (l: { namespaceId: string; appId: string; hourStart: Date }) => `${l.namespaceId}|${l.appId}|${l.hourStart.toISOString()}`;

/** The consumption lines of one resource type in [from, to), by line key. */
export async function readConsumptionLines(tx: Tx, tenantId: string, resourceType: string, from: Date, to: Date): Promise<Map<string, ExistingLine>> {
  const lines = await tx.chargeLine.findMany({
    where: { tenantId, resourceType, consumeType: 'consumption', hourStart: { gte: from, lt: to } },
    select: { id: true, billId: true, namespaceId: true, appId: true, hourStart: true, quantity: true, includedQuantity: true, unitPrice: true, originalAmount: true, discountAmount: true, amount: true },
  });
  return new Map(lines.map((l) => [lineKey({ namespaceId: l.namespaceId ?? '', appId: l.appId ?? '', hourStart: l.hourStart }), {
    id: l.id, billId: l.billId, quantity: money(l.quantity), includedQuantity: money(l.includedQuantity), unitPrice: money(l.unitPrice),
    originalAmount: money(l.originalAmount), discountAmount: money(l.discountAmount), amount: money(l.amount),
  }]));
}

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
