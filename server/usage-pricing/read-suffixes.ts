import type { Tx } from '../transaction';
import { money, ZERO } from '../money';
import { compareHourRows, seriesKey, type HourRow, type WalkState } from './price-series';
import { lineKey, type ExistingLine } from './read-period';

/** One open (period, resource type) whose suffix [from, periodEnd) is re-priced. */
export type SuffixRequest = { resourceType: string; periodStart: Date; from: Date; periodEnd: Date; needIncluded: boolean; needPeaks: boolean };
export type SuffixData = { rows: HourRow[]; existing: Map<string, ExistingLine>; state: WalkState };

type Arrays = { rts: string[]; starts: string[]; froms: string[]; ends: string[] };

/**
 * Everything the suffixes of one pricing call need, in four set-based statements for all groups at
 * once (not three per group): the rollup rows and consumption lines of each suffix, the included
 * units the period's lines before it used, and each gauge series' peak before it.
 */
export async function readSuffixes(tx: Tx, tenantId: string, requests: SuffixRequest[]): Promise<SuffixData[]> {
  const out: SuffixData[] = requests.map(() => ({ rows: [], existing: new Map(), state: { includedUsed: ZERO, peaks: new Map() } }));
  if (requests.length === 0) return out;
  const a: Arrays = {
    rts: requests.map((r) => r.resourceType), starts: requests.map((r) => r.periodStart.toISOString()),
    froms: requests.map((r) => r.from.toISOString()), ends: requests.map((r) => r.periodEnd.toISOString()),
  };
  await readRows(tx, tenantId, a, out);
  await readLines(tx, tenantId, a, out);
  if (requests.some((r) => r.needIncluded)) await readIncludedUsed(tx, tenantId, pick(a, requests, (r) => r.needIncluded), out);
  if (requests.some((r) => r.needPeaks)) await readPeaks(tx, tenantId, pick(a, requests, (r) => r.needPeaks), out);
  for (const data of out) data.rows.sort(compareHourRows);
  return out;
}

/** The arrays restricted to the requests that need a read, with their original indexes. */
function pick(a: Arrays, requests: SuffixRequest[], wanted: (r: SuffixRequest) => boolean): Arrays & { idx: number[] } {
  const idx = requests.flatMap((r, i) => (wanted(r) ? [i] : []));
  return { idx, rts: idx.map((i) => a.rts[i]!), starts: idx.map((i) => a.starts[i]!), froms: idx.map((i) => a.froms[i]!), ends: idx.map((i) => a.ends[i]!) };
}

async function readRows(tx: Tx, tenantId: string, a: Arrays, out: SuffixData[]) {
  const rows = await tx.$queryRaw<{ g: bigint; namespace_id: string; app_id: string; hour_start: Date; quantity: string; max_value: string | null; event_count: number }[]>`
    SELECT g.g, h.namespace_id, h.app_id, h.hour_start, h.quantity::text AS quantity, h.max_value::text AS max_value, h.event_count
    FROM unnest(${a.rts}::text[], ${a.froms}::timestamptz[], ${a.ends}::timestamptz[]) WITH ORDINALITY AS g(rt, f, e, g)
    JOIN usage_hourly h ON h.tenant_id = ${tenantId} AND h.resource_type = g.rt AND h.hour_start >= g.f AND h.hour_start < g.e`;
  for (const r of rows) {
    out[Number(r.g) - 1]!.rows.push({ namespaceId: r.namespace_id, appId: r.app_id, hourStart: r.hour_start, quantity: money(r.quantity), maxValue: r.max_value === null ? null : money(r.max_value), eventCount: r.event_count });
  }
}

async function readLines(tx: Tx, tenantId: string, a: Arrays, out: SuffixData[]) {
  const lines = await tx.$queryRaw<{ g: bigint; id: string; bill_id: string; namespace_id: string | null; app_id: string | null; hour_start: Date; quantity: string; included_quantity: string; unit_price: string; original_amount: string; discount_amount: string; coupon_amount: string; amount: string }[]>`
    SELECT g.g, c.id, c.bill_id, c.namespace_id, c.app_id, c.hour_start, c.quantity::text AS quantity, c.included_quantity::text AS included_quantity,
      c.unit_price::text AS unit_price, c.original_amount::text AS original_amount, c.discount_amount::text AS discount_amount, c.coupon_amount::text AS coupon_amount, c.amount::text AS amount
    FROM unnest(${a.rts}::text[], ${a.froms}::timestamptz[], ${a.ends}::timestamptz[]) WITH ORDINALITY AS g(rt, f, e, g)
    JOIN charge_lines c ON c.tenant_id = ${tenantId} AND c.resource_type = g.rt AND c.consume_type = 'consumption' AND c.hour_start >= g.f AND c.hour_start < g.e`;
  for (const l of lines) {
    out[Number(l.g) - 1]!.existing.set(lineKey({ namespaceId: l.namespace_id ?? '', appId: l.app_id ?? '', hourStart: l.hour_start }), {
      id: l.id, billId: l.bill_id, quantity: money(l.quantity), includedQuantity: money(l.included_quantity), unitPrice: money(l.unit_price),
      originalAmount: money(l.original_amount), discountAmount: money(l.discount_amount), couponAmount: money(l.coupon_amount), amount: money(l.amount),
    });
  }
}

async function readIncludedUsed(tx: Tx, tenantId: string, a: Arrays & { idx: number[] }, out: SuffixData[]) {
  const sums = await tx.$queryRaw<{ g: bigint; used: string | null }[]>`
    SELECT g.g, sum(c.included_quantity)::text AS used
    FROM unnest(${a.rts}::text[], ${a.starts}::timestamptz[], ${a.froms}::timestamptz[]) WITH ORDINALITY AS g(rt, s, f, g)
    JOIN charge_lines c ON c.tenant_id = ${tenantId} AND c.resource_type = g.rt AND c.consume_type = 'consumption' AND c.hour_start >= g.s AND c.hour_start < g.f
    GROUP BY g.g`;
  for (const s of sums) if (s.used !== null) out[a.idx[Number(s.g) - 1]!]!.state.includedUsed = money(s.used);
}

async function readPeaks(tx: Tx, tenantId: string, a: Arrays & { idx: number[] }, out: SuffixData[]) {
  const peaks = await tx.$queryRaw<{ g: bigint; namespace_id: string; app_id: string; peak: string | null }[]>`
    SELECT g.g, h.namespace_id, h.app_id, max(h.max_value)::text AS peak
    FROM unnest(${a.rts}::text[], ${a.starts}::timestamptz[], ${a.froms}::timestamptz[]) WITH ORDINALITY AS g(rt, s, f, g)
    JOIN usage_hourly h ON h.tenant_id = ${tenantId} AND h.resource_type = g.rt AND h.hour_start >= g.s AND h.hour_start < g.f
    GROUP BY g.g, h.namespace_id, h.app_id`;
  for (const p of peaks) if (p.peak !== null) out[a.idx[Number(p.g) - 1]!]!.state.peaks.set(seriesKey({ namespaceId: p.namespace_id, appId: p.app_id }), money(p.peak));
}
