import { Prisma, type Tx } from '../db';
import { subscriptionPeriodColumns, usagePeriodOf } from '../quotas/period-usage';
import { SYSTEM_NAMESPACE } from '../tenants/namespaces';
import { metersFrom, type Meter, type MeterKind } from './meters';
import { parseQuantityNanos } from './quantity';
import type { EventResult, RejectionCode, UsageEventInput } from './schema';

/** How far ahead of our clock a source's timestamp may be (clock skew), before it is refused. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;
const MAX_PROPERTIES_BYTES = 4096;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** An event that passed every per-event check, resolved to the tenant's ids. */
export type ValidEvent = {
  index: number;
  eventId: string;
  namespaceId: string;
  /** '' when the event names no app (the rollups' key). */
  appId: string;
  resourceType: string;
  kind: MeterKind;
  billable: boolean;
  nanos: bigint;
  atMs: number;
  properties: string | null;
};

export type Rejection = { code: RejectionCode; message: string; quota?: { namespace: string; name: string } };
export const rejected = (eventId: string, reason: Rejection): EventResult => ({ event_id: eventId, status: 'rejected', reason });

type Context = { namespaces: Map<string, string>; apps: Set<string>; meters: Map<string, Meter>; nowMs: number; oldestMs: number };

/**
 * What judging a batch needs, in one round trip: the tenant's timezone, its usage period at `at`
 * (quotas and alerts count in it), the meters (active SKUs' kinds), and the namespaces and active
 * apps the batch names. Null: no such tenant.
 */
export async function loadIngestContext(tx: Tx, tenantId: string, events: readonly UsageEventInput[], at: Date) {
  const names = [...new Set(events.map((e) => e.namespace ?? SYSTEM_NAMESPACE))];
  const appIds = [...new Set(events.flatMap((e) => (e.app_id ? [e.app_id] : [])))];
  const [row] = await tx.$queryRaw<{ billing_timezone: string; period_start: Date | null; period_end: Date | null; skus: [string, MeterKind][]; namespaces: [string, string][]; apps: string[] }[]>`
    SELECT t.billing_timezone, ${subscriptionPeriodColumns(Prisma.raw('t'), at)},
      coalesce((SELECT json_agg(json_build_array(s.resource_type, s.meter_kind::text)) FROM skus s WHERE s.active), '[]'::json) AS skus,
      coalesce((SELECT json_agg(json_build_array(n.name, n.id)) FROM namespaces n WHERE n.tenant_id = t.id AND n.name = ANY(${names}::text[])), '[]'::json) AS namespaces,
      coalesce((SELECT json_agg(a.id) FROM apps a WHERE a.tenant_id = t.id AND a.id = ANY(${appIds}::text[]) AND a.status = 'active'), '[]'::json) AS apps
    FROM tenants t WHERE t.id = ${tenantId}`;
  if (!row) return null;
  return {
    timeZone: row.billing_timezone,
    period: usagePeriodOf(row, at, row.billing_timezone),
    meters: metersFrom(row.skus.map(([resourceType, meterKind]) => ({ resourceType, meterKind }))),
    namespaces: new Map(row.namespaces),
    apps: new Set(row.apps),
  };
}

function parseTimestamp(text: string): number | null {
  if (!RFC3339.test(text)) return null;
  const ms = Date.parse(text.toUpperCase());
  return Number.isFinite(ms) ? ms : null;
}

/** The event resolved and checked, or why it is refused. */
export function validateEvent(event: UsageEventInput, index: number, ctx: Context): ValidEvent | Rejection {
  const meter = ctx.meters.get(event.resource_type);
  if (!meter) return { code: 'unknown_resource_type', message: `resource type "${event.resource_type}" is not metered` };
  const namespaceName = event.namespace ?? SYSTEM_NAMESPACE;
  const namespaceId = ctx.namespaces.get(namespaceName);
  if (!namespaceId) return { code: 'unknown_namespace', message: `namespace "${namespaceName}" not found` };
  if (event.app_id && !ctx.apps.has(event.app_id)) return { code: 'unknown_app', message: `app "${event.app_id}" not found or not active` };
  const nanos = parseQuantityNanos(event.quantity);
  if (nanos === null) return { code: 'invalid_quantity', message: 'quantity must be a non-negative decimal with at most 9 decimal places' };
  const atMs = parseTimestamp(event.timestamp);
  if (atMs === null) return { code: 'invalid_timestamp', message: 'timestamp must be RFC 3339 with an offset, e.g. 2026-11-03T14:05:00Z' };
  if (atMs > ctx.nowMs + MAX_FUTURE_SKEW_MS) return { code: 'timestamp_in_future', message: `timestamp is more than ${MAX_FUTURE_SKEW_MS / 60_000} minutes ahead of the server clock` };
  if (atMs < ctx.oldestMs) return { code: 'timestamp_too_old', message: `timestamp is before ${new Date(ctx.oldestMs).toISOString()}, outside the raw-event retention window` };
  const properties = event.properties === undefined ? null : JSON.stringify(event.properties);
  if (properties !== null && Buffer.byteLength(properties) > MAX_PROPERTIES_BYTES) return { code: 'invalid_properties', message: `properties exceed ${MAX_PROPERTIES_BYTES} bytes` };
  return { index, eventId: event.event_id, namespaceId, appId: event.app_id ?? '', resourceType: meter.resourceType, kind: meter.kind, billable: meter.billable, nanos, atMs, properties };
}

export const isValid = (value: ValidEvent | Rejection): value is ValidEvent => 'eventId' in value;
