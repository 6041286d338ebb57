/**
 * The dashboard's statements as plain text with `$n` parameters: the domain runs them through
 * Prisma and `npm run bench:dashboard`'s bare floor runs the very same text with `pg`.
 *
 * Counters add; a gauge's value in a bucket is its peak per namespace and app, and those peaks add
 * up across namespaces and apps (DOMAIN.md: a gauge is never summed over time).
 */
import type { Granularity, StackBy } from './schema';

export type Statement = { text: string; values: unknown[] };

const BUCKET: Record<Granularity, { table: string; key: string; filter: string }> = {
  hour: { table: 'usage_hourly', key: `to_char(r.hour_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:00:00"Z"')`, filter: 'r.hour_start >= $2::timestamptz AND r.hour_start < $3::timestamptz' },
  day: { table: 'usage_daily', key: `to_char(r.day, 'YYYY-MM-DD')`, filter: 'r.day >= $2::date AND r.day <= $3::date' },
  month: { table: 'usage_monthly', key: `to_char(r.month, 'YYYY-MM')`, filter: 'r.month >= $2::date AND r.month <= $3::date' },
};

/** One row per bucket × stack key with the bucket's quantity (trimmed numeric text). */
export function seriesStatement(input: { tenantId: string; granularity: Granularity; stackBy: StackBy; resourceType: string | null; lower: string; upper: string }): Statement {
  const bucket = BUCKET[input.granularity];
  const stackKey = input.stackBy === 'app' ? 'c.app_id' : 'c.resource_type';
  const values: unknown[] = [input.tenantId, input.lower, input.upper];
  let resourceFilter = '';
  if (input.resourceType) {
    values.push(input.resourceType);
    resourceFilter = ` AND r.resource_type = $${values.length}`;
  }
  const text = `WITH cells AS (
    SELECT ${bucket.key} AS bucket, r.namespace_id, r.app_id, r.resource_type, sum(r.quantity) AS quantity, max(coalesce(r.max_value, r.quantity)) AS peak
    FROM ${bucket.table} r
    WHERE r.tenant_id = $1 AND ${bucket.filter}${resourceFilter}
    GROUP BY 1, 2, 3, 4)
  SELECT c.bucket, ${stackKey} AS stack_key,
    trim_scale(sum(CASE WHEN s.meter_kind = 'gauge' THEN coalesce(c.peak, 0) ELSE c.quantity END))::text AS quantity
  FROM cells c JOIN skus s ON s.resource_type = c.resource_type
  GROUP BY 1, 2 ORDER BY 1, 2`;
  return { text, values };
}

/**
 * One scope's usage (a resource type, optionally one namespace and one app) from hourly rows:
 * the counter total and the gauge peak over [periodStart, periodEnd), and the counter total of the
 * 7 whole local days [averageStart, averageEnd) the projection averages.
 */
export function scopeUsageStatement(input: { tenantId: string; resourceType: string; namespaceId: string | null; appId: string | null; periodStart: Date; periodEnd: Date; averageStart: Date; averageEnd: Date }): Statement {
  const text = `WITH per_hour AS (
    SELECT r.hour_start, sum(r.quantity) AS quantity, sum(coalesce(r.max_value, r.quantity)) AS peak
    FROM usage_hourly r
    WHERE r.tenant_id = $1 AND r.resource_type = $2
      AND r.hour_start >= least($5::timestamptz, $7::timestamptz) AND r.hour_start < greatest($6::timestamptz, $8::timestamptz)
      AND ($3::text IS NULL OR r.namespace_id = $3::text) AND ($4::text IS NULL OR r.app_id = $4::text)
    GROUP BY r.hour_start)
  SELECT trim_scale(coalesce(sum(quantity) FILTER (WHERE hour_start >= $5::timestamptz AND hour_start < $6::timestamptz), 0))::text AS total,
    trim_scale(coalesce(max(peak) FILTER (WHERE hour_start >= $5::timestamptz AND hour_start < $6::timestamptz), 0))::text AS peak,
    trim_scale(coalesce(sum(quantity) FILTER (WHERE hour_start >= $7::timestamptz AND hour_start < $8::timestamptz), 0))::text AS average_total
  FROM per_hour`;
  return { text, values: [input.tenantId, input.resourceType, input.namespaceId, input.appId, input.periodStart, input.periodEnd, input.averageStart, input.averageEnd] };
}

/** Metered resource types: the SKUs some plan includes units of (subscription and add-on SKUs are not usage). */
export const RESOURCE_TYPES_SQL = `SELECT s.resource_type, s.name, s.name_zh, s.unit_name, s.meter_kind::text AS meter_kind
  FROM skus s WHERE EXISTS (SELECT 1 FROM plan_entitlements e WHERE e.resource_type = s.resource_type)
  ORDER BY s.sort_order, s.resource_type`;

/** Every quota resource limit of the tenant with its quota, namespace and app. */
export const QUOTA_LIMITS_SQL = `SELECT q.id AS quota_id, q.name AS quota_name, n.id AS namespace_id, n.name AS namespace, q.app_id, a.name AS app_name,
    q.enforcement::text AS enforcement, q.disabled, l.resource_type, trim_scale(l.maximum)::text AS maximum
  FROM quota_resource_limits l
  JOIN quotas q ON q.tenant_id = l.tenant_id AND q.id = l.quota_id
  JOIN namespaces n ON n.tenant_id = q.tenant_id AND n.id = q.namespace_id
  LEFT JOIN apps a ON a.tenant_id = q.tenant_id AND a.id = q.app_id
  WHERE l.tenant_id = $1
  ORDER BY n.name, q.name, l.resource_type`;
