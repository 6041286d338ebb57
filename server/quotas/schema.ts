/**
 * F5 quota objects (seed 003 ops 10–16; F5-BILLING-API.md §2–3): the request and response shapes,
 * with the real validation rules (DNS-label names, description ≤ 1200 bytes, label keys 1–64 and
 * values 1–1024 chars, quota map keys 1–512 chars) instead of the spec's bogus example limits.
 */
import { z } from 'zod';
import type { Decimal } from '../money';
import { isExactDecimal } from '../money-schema';

export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUOTA_KEY = /^[a-zA-Z][a-zA-Z0-9-._]*[a-zA-Z0-9]$/;

export const dnsLabel = z.string().max(63).regex(DNS_LABEL, 'a DNS label: lowercase letters, digits and "-"');
const labelMap = z.record(z.string().min(1).max(64), z.string().min(1).max(1024))
  .refine((map) => Object.keys(map).length <= 64, 'at most 64 entries');
const description = z.string().refine((text) => Buffer.byteLength(text, 'utf8') <= 1200, 'at most 1200 bytes');
const quotaKey = z.string().min(1).max(512).regex(QUOTA_KEY, 'a key such as api_calls');
const int32 = z.number().int().min(0).max(2_147_483_647);

/** ObjectCreateMetaType / ObjectReplaceMetaType (the same six fields). */
export const objectMeta = z.strictObject({
  name: dnsLabel,
  namespace: z.string().optional(),
  labels: labelMap.optional(),
  annotations: labelMap.optional(),
  description: description.optional(),
  disable: z.boolean().optional(),
});

export const limitType = z.strictObject({ maximum: int32 });
export const floatLimitType = z.strictObject({ maximum: z.number().min(0).lt(1e21) });
export const rateLimitType = z.strictObject({ rate: int32.optional(), burst: int32.optional(), unit: z.string().max(64).optional() });
const maps = <T extends z.ZodType>(value: T) => z.record(quotaKey, value).refine((map) => Object.keys(map).length <= 256, 'at most 256 entries');

/** quota.CreateSpecType = ReplaceSpecType = GetSpecType, plus our extensions (WIRE.md): enforcement and app_id. */
export const quotaSpec = z.strictObject({
  object_limits: maps(limitType).optional(),
  resource_limits: maps(floatLimitType).optional(),
  api_limits: maps(rateLimitType).optional(),
  enforcement: z.enum(['hard', 'soft']).optional(),
  app_id: z.string().regex(/^app_[a-z0-9]{1,60}$/).optional(),
});
export type QuotaSpec = z.output<typeof quotaSpec>;

export const quotaCreateRequest = z.strictObject({ metadata: objectMeta, spec: quotaSpec.default({}) });
export type QuotaCreateRequest = z.output<typeof quotaCreateRequest>;
export const quotaReplaceRequest = quotaCreateRequest;
export type QuotaReplaceRequest = QuotaCreateRequest;

/** F5's DeleteRequest body: required as a JSON object; name/namespace, when sent, must match the path. */
export const quotaDeleteRequest = z.strictObject({ name: z.string().optional(), namespace: z.string().optional(), fail_if_referred: z.boolean().optional() });

// ── responses ──
const getMeta = z.object({
  name: z.string(), namespace: z.string(), labels: z.record(z.string(), z.string()), annotations: z.record(z.string(), z.string()),
  description: z.string(), disable: z.boolean(),
});
const systemMeta = z.object({
  uid: z.string(), tenant: z.string(), creation_timestamp: z.string(), modification_timestamp: z.string(),
  creator_class: z.string(), creator_id: z.string(), finalizers: z.array(z.string()), labels: z.record(z.string(), z.string()),
  object_index: z.number().int(),
});
const getSpec = z.object({
  object_limits: z.record(z.string(), limitType), resource_limits: z.record(z.string(), floatLimitType), api_limits: z.record(z.string(), rateLimitType),
  enforcement: z.enum(['hard', 'soft']), app_id: z.string().optional(),
});
const objectRef = z.object({ kind: z.string(), name: z.string(), namespace: z.string(), tenant: z.string(), uid: z.string() });
const statusObject = z.object({
  metadata: z.object({ creation_timestamp: z.string(), creator_class: z.string(), creator_id: z.string(), status_id: z.string(), uid: z.string(), vtrp_id: z.string(), vtrp_stale: z.boolean(), publish: z.string() }),
  conditions: z.array(z.object({ type: z.string(), status: z.string(), reason: z.string(), service_name: z.string(), hostname: z.string(), last_update_time: z.string() })),
  object_refs: z.array(objectRef),
});

export const quotaCreateResponse = z.object({ metadata: getMeta, spec: getSpec, system_metadata: systemMeta });
export type QuotaObject = z.infer<typeof quotaCreateResponse>;
export const emptyResponse = z.strictObject({});

export const RESPONSE_FORMATS = [
  'GET_RSP_FORMAT_DEFAULT', 'GET_RSP_FORMAT_FOR_CREATE', 'GET_RSP_FORMAT_FOR_REPLACE', 'GET_RSP_FORMAT_STATUS',
  'GET_RSP_FORMAT_READ', 'GET_RSP_FORMAT_REFERRING_OBJECTS', 'GET_RSP_FORMAT_BROKEN_REFERENCES',
] as const;
export const quotaGetQuery = z.strictObject({ response_format: z.enum(RESPONSE_FORMATS).default('GET_RSP_FORMAT_DEFAULT') });

const formRequest = z.object({ metadata: getMeta.partial().extend({ name: z.string() }), spec: getSpec });
export const quotaGetResponse = z.object({
  metadata: getMeta.optional(), spec: getSpec.optional(), system_metadata: systemMeta.optional(), status: z.array(statusObject).optional(),
  create_form: formRequest.optional(), replace_form: formRequest.optional(), referring_objects: z.array(objectRef).optional(),
  deleted_referred_objects: z.array(objectRef).optional(), disabled_referred_objects: z.array(objectRef).optional(),
});
export type QuotaGetResponse = z.infer<typeof quotaGetResponse>;

/** `report_fields` / `report_status_fields`: repeated keys (one value arrives as a string). */
const repeated = z.union([z.string().max(128), z.array(z.string().max(128)).max(32)]).optional();
export const quotaListQuery = z.strictObject({ label_filter: z.string().max(2048).optional(), report_fields: repeated, report_status_fields: repeated });
export const quotaListItem = z.object({
  name: z.string(), namespace: z.string(), tenant: z.string(), uid: z.string(), description: z.string(), disabled: z.boolean(),
  labels: z.record(z.string(), z.string()), annotations: z.record(z.string(), z.string()),
  metadata: getMeta.optional(), system_metadata: systemMeta.optional(), get_spec: getSpec.optional(), status_set: z.array(statusObject).optional(),
});
export const quotaListResponse = z.object({
  items: z.array(quotaListItem),
  errors: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type QuotaListResponse = z.infer<typeof quotaListResponse>;

// ── quota/limits and quota/usage: six maps (F5 op 12–13) ──
/** F5 `double` usage: a Decimal written with its own digits by the one JSON writer (the documented example uses a plain number). */
const exactNumber = z.custom<Decimal | number>((value) => typeof value === 'number' || isExactDecimal(value), 'an exact decimal')
  .meta({ type: 'number', description: 'exact decimal, written with its own digits' });
const itemBase = { display_name: z.string(), description: z.string() };
const limitsItem = z.object({ ...itemBase, limit: floatLimitType.optional(), api_limit: rateLimitType.optional() });
const usageItem = z.object({ ...itemBase, limit: floatLimitType.optional(), usage: z.object({ current: exactNumber }).optional(), api_limit: rateLimitType.optional() });
const objectLimitsItem = z.object({ ...itemBase, limit: z.object({ maximum: z.number() }) });
const objectUsageItem = z.object({ ...itemBase, limit: z.object({ maximum: z.number() }), usage: z.object({ current: z.number().int() }) });

export const quotaLimitsResponse = z.object({
  objects: z.record(z.string(), limitsItem), resources: z.record(z.string(), limitsItem), apis: z.record(z.string(), limitsItem),
  api_limits: z.record(z.string(), rateLimitType), quota_usage: z.record(z.string(), objectLimitsItem), float_quota_usage: z.record(z.string(), limitsItem),
});
export type QuotaLimitsResponse = z.infer<typeof quotaLimitsResponse>;
export const quotaUsageResponse = z.object({
  objects: z.record(z.string(), usageItem), resources: z.record(z.string(), usageItem), apis: z.record(z.string(), usageItem),
  api_limits: z.record(z.string(), rateLimitType), quota_usage: z.record(z.string(), objectUsageItem), float_quota_usage: z.record(z.string(), usageItem),
});
export type QuotaUsageResponse = z.infer<typeof quotaUsageResponse>;

/** Operations that take no query parameters: any parameter is a 400, never silently ignored. */
export const noQuery = z.strictObject({});
