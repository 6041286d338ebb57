import { prisma } from '../db';
import { now } from '../clock';
import { Decimal, money, toDecimalString, ZERO } from '../money';
import { resolveRange } from './range';
import { RESOURCE_TYPES_SQL, seriesStatement } from './sql';
import type { ResourceTypeInfo, UsageSeriesInput, UsageSeriesResult } from './schema';

export type DashboardScope = { tenantId: string; timeZone: string };

type ResourceRow = { resource_type: string; name: string; name_zh: string; unit_name: string; meter_kind: 'counter' | 'gauge' };

/** The metered resource types (names, units, counter or gauge), in catalog order. */
export async function meteredResourceTypes(): Promise<ResourceTypeInfo[]> {
  const rows = await prisma.$queryRawUnsafe<ResourceRow[]>(RESOURCE_TYPES_SQL);
  return rows.map((r) => ({ resourceType: r.resource_type, name: r.name, nameZh: r.name_zh, unit: r.unit_name, meterKind: r.meter_kind }));
}

/** A counter's total is the sum of its buckets; a gauge's is its highest bucket (a gauge never adds up over time). */
function seriesTotal(values: string[], gauge: boolean): string {
  if (gauge) return toDecimalString(values.reduce((peak, value) => Decimal.max(peak, money(value)), ZERO));
  return toDecimalString(values.reduce((total, value) => total.plus(money(value)), ZERO));
}

type Cell = { bucket: string; stack_key: string; quantity: string };

/** Series labels: resource types by their SKU names; apps by name ('' is usage sent without an app, labelled by the page). */
async function seriesLabels(tenantId: string, input: UsageSeriesInput, resourceTypes: ResourceTypeInfo[], keys: string[]) {
  if (input.stackBy === 'resource_type') return new Map(resourceTypes.map((r) => [r.resourceType, { name: r.name, nameZh: r.nameZh }]));
  const apps = await prisma.app.findMany({ where: { tenantId, id: { in: keys.filter(Boolean) } }, select: { id: true, name: true } });
  return new Map(apps.map((a) => [a.id, { name: a.name, nameZh: a.name }]));
}

/**
 * `usageDashboard.series`: the chart's data. Every bucket of the range is present (zero when
 * nothing was used), each series has one value per bucket, so the chart, its table and the CSV
 * show exactly the same numbers.
 */
export async function readUsageSeries(input: UsageSeriesInput, scope: DashboardScope): Promise<UsageSeriesResult> {
  const range = resolveRange(input.granularity, input, scope.timeZone, now());
  const hourly = input.granularity === 'hour';
  const monthly = input.granularity === 'month';
  const lower = hourly ? range.start.toISOString() : monthly ? `${range.from.slice(0, 7)}-01` : range.from;
  const upper = hourly ? range.end.toISOString() : monthly ? `${range.to.slice(0, 7)}-01` : range.to;
  const statement = seriesStatement({ tenantId: scope.tenantId, granularity: input.granularity, stackBy: input.stackBy, resourceType: input.resourceType ?? null, lower, upper });
  const [cells, resourceTypes] = await Promise.all([prisma.$queryRawUnsafe<Cell[]>(statement.text, ...statement.values), meteredResourceTypes()]);

  const index = new Map(range.buckets.map((bucket, i) => [bucket, i]));
  const byKey = new Map<string, string[]>();
  for (const cell of cells) {
    const at = index.get(cell.bucket);
    if (at === undefined) continue; // an hour floored before the first local midnight of an offset zone
    let values = byKey.get(cell.stack_key);
    if (!values) byKey.set(cell.stack_key, (values = range.buckets.map(() => '0')));
    values[at] = cell.quantity;
  }
  const labels = await seriesLabels(scope.tenantId, input, resourceTypes, [...byKey.keys()]);
  const order = input.stackBy === 'resource_type' ? resourceTypes.map((r) => r.resourceType) : [];
  const kinds = new Map(resourceTypes.map((r) => [r.resourceType, r.meterKind]));
  const kindOf = (key: string) => kinds.get(input.stackBy === 'app' ? input.resourceType! : key);
  const series = [...byKey.entries()].map(([key, values]) => ({
    key, name: labels.get(key)?.name ?? null, nameZh: labels.get(key)?.nameZh ?? null, values, total: seriesTotal(values, kindOf(key) === 'gauge'),
  }));
  // Resource types in catalog order; apps by their total, largest first (the biggest band at the bottom of the stack).
  if (order.length) series.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  else series.sort((a, b) => money(b.total).comparedTo(money(a.total)) || a.key.localeCompare(b.key));
  return {
    granularity: input.granularity, stackBy: input.stackBy, resourceType: input.resourceType ?? null, from: range.from, to: range.to,
    timeZone: scope.timeZone, buckets: range.buckets, series, resourceTypes,
  };
}
