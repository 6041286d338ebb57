import { z } from 'zod';
import { decimalString } from '../money-schema';
import { safeString } from '../platform/safe-text';

/** Wire shapes of `usageDashboard.*` and its CSV export. Quantities are decimal strings (numeric(30,9)), never numbers. */
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a calendar date');

export const GRANULARITIES = ['hour', 'day', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export const STACK_BY = ['resource_type', 'app'] as const;
export type StackBy = (typeof STACK_BY)[number];

/** The longest range each granularity may ask for, in calendar days (31 days of hours, 400 of days, 36 months). */
export const MAX_RANGE_DAYS: Record<Granularity, number> = { hour: 31, day: 400, month: 1100 };

const resourceType = safeString().trim().min(1).max(100);

const seriesFields = {
  granularity: z.enum(GRANULARITIES).default('day'),
  stackBy: z.enum(STACK_BY).default('resource_type'),
  /** Stacking by app needs one resource type (apps' quantities of different units do not add up). */
  resourceType: resourceType.optional(),
  /** Inclusive local dates in the tenant's billing timezone; both absent: a default window ending today. */
  from: localDate.optional(),
  to: localDate.optional(),
};

function checkRange(input: { granularity: Granularity; stackBy: StackBy; resourceType?: string | undefined; from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) {
  if (input.stackBy === 'app' && !input.resourceType) ctx.addIssue({ code: 'custom', path: ['resourceType'], message: 'stacking by app needs a resource type' });
  if ((input.from === undefined) !== (input.to === undefined)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'give both from and to, or neither' });
  if (!input.from || !input.to) return;
  const days = (Date.parse(`${input.to}T00:00:00Z`) - Date.parse(`${input.from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is before from' });
  if (days > MAX_RANGE_DAYS[input.granularity]) ctx.addIssue({ code: 'custom', path: ['from'], message: `at most ${MAX_RANGE_DAYS[input.granularity]} days at this granularity` });
}

export const usageSeriesInput = z.strictObject(seriesFields).superRefine(checkRange);
export type UsageSeriesInput = z.output<typeof usageSeriesInput>;

/** The CSV export takes the same filters from the query string. */
export const usageExportQuery = usageSeriesInput;

export const resourceTypeInfo = z.object({
  resourceType: z.string(),
  name: z.string(),
  nameZh: z.string(),
  unit: z.string(),
  meterKind: z.enum(['counter', 'gauge']),
});
export type ResourceTypeInfo = z.infer<typeof resourceTypeInfo>;

export const usageSeries = z.object({
  /** The stack's key: a resource type, or an app id ('' for usage sent without an app). */
  key: z.string(),
  name: z.string().nullable(),
  nameZh: z.string().nullable(),
  /** One value per bucket, aligned with `buckets`; counters sum, gauges take their peak per app and namespace. */
  values: z.array(decimalString),
  /** Counters: the sum of the values; gauges: the highest value. */
  total: decimalString,
});

export const usageSeriesResult = z.object({
  granularity: z.enum(GRANULARITIES),
  stackBy: z.enum(STACK_BY),
  resourceType: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  /** Hour: the UTC instant the hour starts (ISO); day: YYYY-MM-DD; month: YYYY-MM — local to timeZone for days and months. */
  buckets: z.array(z.string()),
  series: z.array(usageSeries),
  resourceTypes: z.array(resourceTypeInfo),
});
export type UsageSeriesResult = z.infer<typeof usageSeriesResult>;

export const PROJECTION_METHODS = ['linear_7d_daily_average', 'peak_so_far'] as const;
export type ProjectionMethod = (typeof PROJECTION_METHODS)[number];

const period = { periodStart: z.date(), periodEnd: z.date(), asOf: z.date() };

export const quotaBar = z.object({
  quotaId: z.string(),
  quotaName: z.string(),
  namespace: z.string(),
  appId: z.string().nullable(),
  appName: z.string().nullable(),
  enforcement: z.enum(['hard', 'soft']),
  disabled: z.boolean(),
  resource: resourceTypeInfo,
  maximum: decimalString,
  used: decimalString,
  /** used / maximum × 100, one decimal place (display only; may pass 100 for a soft quota). */
  percentUsed: z.number(),
  projected: decimalString,
  projectedPercent: z.number(),
  method: z.enum(PROJECTION_METHODS),
});
export type QuotaBar = z.infer<typeof quotaBar>;

export const quotaBarsResult = z.object({ ...period, timeZone: z.string(), bars: z.array(quotaBar) });
export type QuotaBarsResult = z.infer<typeof quotaBarsResult>;

export const projectionItem = z.object({
  resource: resourceTypeInfo,
  used: decimalString,
  /** Counters: the average of the last 7 whole local days; gauges: null (a gauge is not a rate). */
  dailyAverage: decimalString.nullable(),
  projected: decimalString,
  method: z.enum(PROJECTION_METHODS),
  includedUnits: decimalString.nullable(),
});

export const projectionResult = z.object({
  ...period,
  timeZone: z.string(),
  /** Days from asOf to the period end, two decimal places. */
  daysRemaining: decimalString,
  /** The 7 whole local days the daily average is taken over: [averageFrom, averageTo]. */
  averageFrom: z.string(),
  averageTo: z.string(),
  items: z.array(projectionItem),
});
export type ProjectionResult = z.infer<typeof projectionResult>;

export const noInput = z.strictObject({}).optional();
