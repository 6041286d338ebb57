import { z } from 'zod';
import { NAMESPACE_NAME } from '../tenants/namespaces';

/** At most this many events per ingest request. */
export const MAX_BATCH_EVENTS = 1000;

/**
 * One metering event as a source sends it. The JSON types are checked here (a wrong type makes the
 * whole batch a 400); what needs the tenant's data or a calendar (unknown namespace, app or
 * resource type, a negative quantity, a timestamp in the future) is judged per event, so one bad
 * event never refuses the good ones beside it.
 */
export const usageEventInput = z.strictObject({
  event_id: z.string().min(1).max(128),
  app_id: z.string().min(1).max(64).nullable().optional(),
  /** A namespace of the tenant; omitted → `system` (tenant-wide). */
  namespace: z.string().min(1).max(63).optional(),
  resource_type: z.string().min(1).max(64),
  /** Counters: the increment; gauges: the sampled value. A decimal string or a JSON number. */
  quantity: z.union([z.string().max(64), z.number()]),
  /** RFC 3339 with an offset, e.g. `2026-11-03T14:05:00Z`. */
  timestamp: z.string().min(1).max(64),
  properties: z.record(z.string().max(128), z.unknown()).optional(),
});
export type UsageEventInput = z.infer<typeof usageEventInput>;

export const ingestBody = z.strictObject({
  events: z.array(usageEventInput).min(1).max(MAX_BATCH_EVENTS),
});
export type IngestBody = z.infer<typeof ingestBody>;

export const REJECTION_CODES = [
  'invalid_quantity', 'invalid_timestamp', 'invalid_properties', 'timestamp_in_future', 'timestamp_too_old',
  'unknown_namespace', 'unknown_app', 'unknown_resource_type', 'quota_exceeded',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const eventResult = z.object({
  event_id: z.string(),
  /** accepted: counted now; duplicate: this event_id was already counted (nothing changed); rejected: not counted. */
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  reason: z.object({
    code: z.enum(REJECTION_CODES),
    message: z.string(),
    /** quota_exceeded: the hard quota the event would have crossed. */
    quota: z.object({ namespace: z.string(), name: z.string() }).optional(),
  }).optional(),
});
export type EventResult = z.infer<typeof eventResult>;

export const ingestResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  /** One per event, in the order sent. */
  results: z.array(eventResult),
});
export type IngestResult = z.infer<typeof ingestResult>;

export const isNamespaceName = (name: string) => NAMESPACE_NAME.test(name);
