import { Prisma, type Tx } from '../db';
import { hourStartOf, localCalendar } from './local-calendar';
import { nanosToDecimal } from './quantity';
import type { ValidEvent } from './validate-events';

/**
 * The batch's contribution to one rollup row. Counters: quantity adds. Gauges: quantity adds the
 * samples (average = quantity / event_count), max_value keeps the peak, last_value the sample with
 * the latest time (equal times: the larger sample, so the result never depends on arrival order).
 */
type Cell = { namespaceId: string; appId: string; resourceType: string; bucket: string; quarterMs: number; gauge: boolean; nanos: bigint; max: bigint; last: bigint; lastAtMs: number; count: number };

export type Grain = 'hourly' | 'daily' | 'monthly';
const TABLES: Record<Grain, { table: string; column: string; type: string }> = {
  hourly: { table: 'usage_hourly', column: 'hour_start', type: 'timestamptz' },
  daily: { table: 'usage_daily', column: 'day', type: 'date' },
  monthly: { table: 'usage_monthly', column: 'month', type: 'date' },
};

/** Folds `part` (a cell or an event's contribution) into the cell at `key` of `cells`. */
function fold(cells: Map<string, Cell>, key: string, part: Cell) {
  const cell = cells.get(key);
  if (!cell) {
    cells.set(key, { ...part });
    return;
  }
  cell.nanos += part.nanos;
  cell.count += part.count;
  if (part.max > cell.max) cell.max = part.max;
  if (part.lastAtMs > cell.lastAtMs || (part.lastAtMs === cell.lastAtMs && part.last > cell.last)) {
    cell.last = part.last;
    cell.lastAtMs = part.lastAtMs;
  }
}

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * The batch aggregated in memory, per grain; days and months in the tenant's timezone. Events are
 * folded once, into UTC quarter hours (the local date is constant over one: localCalendar), and the
 * few quarter cells are then folded into hours, days and months — sums, peaks and the latest sample
 * combine the same whichever way they are grouped.
 */
export function aggregate(events: readonly ValidEvent[], timeZone: string): Record<Grain, Cell[]> {
  const calendar = localCalendar(timeZone);
  const quarters = new Map<string, Cell>();
  for (const e of events) {
    const quarter = Math.floor(e.atMs / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
    fold(quarters, `${e.namespaceId}\u0000${e.appId}\u0000${e.resourceType}\u0000${quarter}`, {
      namespaceId: e.namespaceId, appId: e.appId, resourceType: e.resourceType, bucket: '', quarterMs: quarter,
      gauge: e.kind === 'gauge', nanos: e.nanos, max: e.nanos, last: e.nanos, lastAtMs: e.atMs, count: 1,
    });
  }
  const grains = { hourly: new Map<string, Cell>(), daily: new Map<string, Cell>(), monthly: new Map<string, Cell>() };
  for (const cell of quarters.values()) {
    const local = calendar(cell.quarterMs);
    const series = `${cell.namespaceId}\u0000${cell.appId}\u0000${cell.resourceType}\u0000`;
    const buckets: Record<Grain, string> = { hourly: new Date(hourStartOf(cell.quarterMs)).toISOString(), daily: local.day, monthly: local.month };
    for (const grain of ['hourly', 'daily', 'monthly'] as const) fold(grains[grain], series + buckets[grain], { ...cell, bucket: buckets[grain] });
  }
  // One key order for every transaction, so concurrent ingests lock rollup rows in the same order.
  const sorted = (cells: Map<string, Cell>) => [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, cell]) => cell);
  return { hourly: sorted(grains.hourly), daily: sorted(grains.daily), monthly: sorted(grains.monthly) };
}

/** One grain's set-based upsert (INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE); null when the batch has no cell. */
export function rollupUpsert(tenantId: string, grain: Grain, cells: readonly Cell[], at: Date): Prisma.Sql | null {
  if (cells.length === 0) return null;
  const { table, column, type } = TABLES[grain];
  const gaugeValue = (cell: Cell, value: bigint) => (cell.gauge ? nanosToDecimal(value) : null);
  return Prisma.sql`
    INSERT INTO ${Prisma.raw(table)} AS t (tenant_id, namespace_id, app_id, resource_type, ${Prisma.raw(column)}, quantity, max_value, last_value, last_at, event_count, updated_at)
    SELECT ${tenantId}, u.namespace_id, u.app_id, u.resource_type, u.bucket::${Prisma.raw(type)}, u.quantity::numeric, u.max_value::numeric, u.last_value::numeric, u.last_at::timestamptz, u.event_count, ${at}
    FROM unnest(${cells.map((c) => c.namespaceId)}::text[], ${cells.map((c) => c.appId)}::text[], ${cells.map((c) => c.resourceType)}::text[],
      ${cells.map((c) => c.bucket)}::text[], ${cells.map((c) => nanosToDecimal(c.nanos))}::text[], ${cells.map((c) => gaugeValue(c, c.max))}::text[],
      ${cells.map((c) => gaugeValue(c, c.last))}::text[], ${cells.map((c) => new Date(c.lastAtMs).toISOString())}::text[], ${cells.map((c) => c.count)}::int[])
      WITH ORDINALITY AS u(namespace_id, app_id, resource_type, bucket, quantity, max_value, last_value, last_at, event_count, position)
    ORDER BY u.position
    ON CONFLICT (tenant_id, namespace_id, app_id, resource_type, ${Prisma.raw(column)}) DO UPDATE SET
      quantity = t.quantity + EXCLUDED.quantity,
      max_value = GREATEST(t.max_value, EXCLUDED.max_value),
      last_value = CASE WHEN t.last_at IS NULL OR (EXCLUDED.last_at, EXCLUDED.last_value) > (t.last_at, t.last_value) THEN EXCLUDED.last_value ELSE t.last_value END,
      last_at = GREATEST(t.last_at, EXCLUDED.last_at),
      event_count = t.event_count + EXCLUDED.event_count,
      updated_at = EXCLUDED.updated_at`;
}

/**
 * Several writes as one statement (each but the last a data-modifying WITH), so the rows concurrent
 * ingests contend for are held for one round trip instead of one per write. The same statement
 * shape in every transaction takes its locks in the same order.
 */
export async function writeAsOneStatement(tx: Tx, writes: readonly (Prisma.Sql | null)[]): Promise<void> {
  const parts = writes.filter((w) => w !== null);
  if (parts.length === 0) return;
  const last = parts[parts.length - 1]!;
  const ctes = parts.slice(0, -1).map((part, i) => Prisma.sql`${Prisma.raw(`w${i}`)} AS (${part})`);
  await tx.$executeRaw(ctes.length ? Prisma.sql`WITH ${Prisma.join(ctes, ', ')} ${last}` : last);
}

/**
 * The raw events, in event_id order (one lock order for concurrent batches). Returns the event ids
 * that were not inserted because a row with that id exists: counted before, or by a concurrent
 * request that committed first (the insert waits for it). Only those come back, so the usual answer
 * is an empty set rather than a thousand rows.
 */
export async function insertRawEvents(tx: Tx, input: { tenantId: string; apiKeyId: string | null; ids: readonly string[]; events: readonly ValidEvent[]; at: Date }): Promise<Set<string>> {
  const { events } = input;
  if (events.length === 0) return new Set();
  // Sent compactly (a batch is ~1,000 rows, and its bytes cost on both ends of the socket): the few
  // namespaces, apps and resource types once, each row an index into them; times as epoch
  // milliseconds; row ids as their shared time prefix plus each row's random suffix.
  const namespaces = dictionary(events.map((e) => e.namespaceId));
  const apps = dictionary(events.map((e) => e.appId));
  const resourceTypes = dictionary(events.map((e) => e.resourceType));
  const { prefix, suffixes } = splitIds(input.ids);
  const rows = await tx.$queryRaw<{ event_id: string }[]>`
    WITH sent AS (
      SELECT ${prefix} || u.suffix AS id, u.event_id, (${namespaces.values}::text[])[u.namespace] AS namespace_id, (${apps.values}::text[])[u.app] AS app_id,
        (${resourceTypes.values}::text[])[u.resource_type] AS resource_type, u.quantity, u.occurred_ms, u.properties
      FROM unnest(${suffixes}::text[], ${events.map((e) => e.eventId)}::text[], ${namespaces.indexes}::int[], ${apps.indexes}::int[], ${resourceTypes.indexes}::int[],
        ${events.map((e) => nanosToDecimal(e.nanos))}::numeric[], ${events.map((e) => e.atMs)}::bigint[], ${events.map((e) => e.properties)}::jsonb[])
        AS u(suffix, event_id, namespace, app, resource_type, quantity, occurred_ms, properties)),
    inserted AS (
      INSERT INTO usage_events (tenant_id, id, event_id, namespace_id, app_id, resource_type, quantity, occurred_at, received_at, api_key_id, properties)
      SELECT ${input.tenantId}, s.id, s.event_id, s.namespace_id, NULLIF(s.app_id, ''), s.resource_type, s.quantity,
        'epoch'::timestamptz + s.occurred_ms * interval '1 millisecond', ${input.at}, ${input.apiKeyId}, s.properties
      FROM sent s
      ORDER BY s.event_id
      ON CONFLICT (tenant_id, event_id) DO NOTHING
      RETURNING event_id)
    SELECT s.event_id FROM sent s WHERE NOT EXISTS (SELECT 1 FROM inserted WHERE inserted.event_id = s.event_id)`;
  return new Set(rows.map((row) => row.event_id));
}

/** The distinct values (a PostgreSQL array, 1-based) and each item's index into them. */
function dictionary(items: readonly string[]): { values: string[]; indexes: number[] } {
  const position = new Map<string, number>();
  const values: string[] = [];
  const indexes = items.map((item) => {
    let index = position.get(item);
    if (index === undefined) {
      values.push(item);
      index = values.length;
      position.set(item, index);
    }
    return index;
  });
  return { values, indexes };
}

/** Row ids as their longest common prefix (a batch's ids share their time part) and the rest of each. */
function splitIds(ids: readonly string[]): { prefix: string; suffixes: string[] } {
  let length = ids[0]!.length;
  for (const id of ids) while (length > 0 && !id.startsWith(ids[0]!.slice(0, length))) length -= 1;
  const prefix = ids[0]!.slice(0, length);
  return { prefix, suffixes: ids.map((id) => id.slice(length)) };
}

/** Takes back raw rows this transaction inserted for events a hard quota then refused. */
export async function removeRawEvents(tx: Tx, tenantId: string, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await tx.$executeRaw`DELETE FROM usage_events WHERE tenant_id = ${tenantId} AND event_id = ANY(${eventIds}::text[])`;
}
