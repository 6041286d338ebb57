/** Seed 003 usage reads (F5 ops 20–23) and our usage_summary: wire shapes (F5 JSON schemas in test/fixtures/f5-billing-schemas.json). */
import { z } from 'zod';
import { decimalString, wireDecimalNumber } from '../money-schema';

/** The longest range one read may span (a year and a day: a leap year's period plus slack). */
export const MAX_RANGE_DAYS = 367;

const instant = z.iso.datetime({ offset: true, message: 'an RFC 3339 date-time, e.g. 2026-04-01T00:00:00Z' }).transform((value) => new Date(value));
const namespaceField = z.string().max(63).optional().describe('as in the path (F5 repeats it in the body); another value → 400');

const rangeShape = { namespace: namespaceField, from: instant.optional(), to: instant.optional() };
const validRange = (r: { from?: Date; to?: Date }) => !r.from || !r.to || (r.from < r.to && r.to.getTime() - r.from.getTime() <= MAX_RANGE_DAYS * 86_400_000);
const RANGE_MESSAGE = `from must be before to, at most ${MAX_RANGE_DAYS} days apart`;

/** F5 ListCurrentUsageReq / ListUsageDetailsReq: `[from, to)`; both omitted = the current billing period. */
export const usageRangeBody = z.strictObject(rangeShape)
  .refine((r) => (r.from === undefined) === (r.to === undefined), 'give both from and to, or neither (the current billing period)')
  .refine(validRange, RANGE_MESSAGE);
export type UsageRangeBody = z.output<typeof usageRangeBody>;

export const monthlyUsageBody = z.strictObject({ namespace: namespaceField });
export const hourlyUsageBody = z.strictObject({ namespace: namespaceField, query: z.string().min(1).max(2048).describe('hourly_breakdown_query of a usage_details item, unchanged') });

const rfc3339 = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
/** int64 minor units as a JSON string ("10494" = 104.94 CNY). */
const int64String = z.string().regex(/^-?\d+$/);
const F5_USAGE_STATUS = ['STATUS_UNKNOWN', 'STATUS_NO_DATA', 'STATUS_NOT_MEASURED', 'STATUS_ACTIVE'] as const;

export const calculatedUsageItem = z.object({
  /** The SKU's name in the caller's locale. */
  usage_type: z.string(),
  /** [resource_type]: the stable metering key. */
  metric_labels: z.array(z.string()),
  quantity: wireDecimalNumber,
  unit_name: z.string(),
  /** The quantity in the billable unit: below 1 (but above 0) rounds up to 1, above rounds down (F5). */
  quantity_billable: int64String,
  unit_name_billable: z.string(),
  /** After included units, coupons and vouchers: what the usage costs. */
  amount: int64String,
  currency_code: z.string(),
  start_timestamp: rfc3339,
  end_timestamp: rfc3339,
  status: z.enum(F5_USAGE_STATUS),
  /** A non-metered line (subscription or add-on fee). */
  fixed: z.boolean(),
});

export const coupon = z.object({ title: z.string(), discount_type: z.enum(['DISCOUNT_TYPE_UNKNOWN', 'DISCOUNT_TYPE_FIXED_AMOUNT', 'DISCOUNT_TYPE_PERCENTAGE']), discount_amount: z.number().int() });

export const currentUsageResponse = z.object({
  usage_items: z.array(calculatedUsageItem),
  coupons: z.array(coupon),
  /** Σ amount of the items (int64 minor units). */
  total_cost: int64String,
  /** What included units, coupons and vouchers took off the list price (int64 minor units). */
  discount: int64String,
});
export type CurrentUsageResponse = z.infer<typeof currentUsageResponse>;

export const hourlyItem = z.object({
  /** The app id ('' for usage sent without one). */
  deployment: z.string(),
  /** The SKU id. */
  container: z.string(),
  quantity: wireDecimalNumber,
  unit_name: z.string(),
  start_timestamp: rfc3339,
  end_timestamp: rfc3339,
});

export const usageItem = z.object({
  usage_type: z.string(),
  metric_label: z.string(),
  namespace: z.string(),
  /** The app's name ('' for usage sent without an app). */
  object_name: z.string(),
  /** Counters: the sum; gauges: the peak sample. */
  quantity: wireDecimalNumber,
  unit_name: z.string(),
  start_timestamp: rfc3339,
  end_timestamp: rfc3339,
  /** Opaque (base64url JSON, signed): pass unchanged as `query` to hourly_usage_details. */
  hourly_breakdown_query: z.string(),
  /** Deprecated by F5 in favour of the query: always empty. */
  hourly_breakdown: z.array(hourlyItem),
});

export const usageDetailsResponse = z.object({ usage_items: z.array(usageItem) });
export type UsageDetailsResponse = z.infer<typeof usageDetailsResponse>;
export const hourlyUsageResponse = z.object({ hourly_usage_items: z.array(hourlyItem) });
export type HourlyUsageResponse = z.infer<typeof hourlyUsageResponse>;

export const monthlyUsageResponse = z.object({
  monthly_usage_items: z.array(z.object({ amount: int64String, currency_code: z.string(), start_timestamp: rfc3339, end_timestamp: rfc3339 })),
});
export type MonthlyUsageResponse = z.infer<typeof monthlyUsageResponse>;

/** Our usage_summary (WIRE.md): `[from, to)` for the whole tenant. */
export const usageSummaryBody = z.strictObject({ from: instant, to: instant }).refine(validRange, RANGE_MESSAGE);
export const usageSummaryResponse = z.object({
  items: z.array(z.object({
    resource_type: z.string(),
    /** Exact decimal string in the SKU's unit. */
    quantity: decimalString,
    unit_name: z.string(),
    /** Exact decimal string in the currency (after included units), e.g. "100.00". */
    amount: decimalString,
    currency_code: z.string(),
  })),
  total_cost: decimalString,
  currency_code: z.string(),
  from: rfc3339,
  to: rfc3339,
});
export type UsageSummaryResponse = z.infer<typeof usageSummaryResponse>;

/** tRPC `usageCost.currentPeriod`: a range, or none for the current billing period. */
export const usageCostInput = z.strictObject({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() })
  .refine((r) => (r.from === undefined) === (r.to === undefined), 'give both from and to, or neither')
  .refine((r) => validRange({ from: r.from ? new Date(r.from) : undefined, to: r.to ? new Date(r.to) : undefined }), RANGE_MESSAGE);

/** The priced usage the dashboard shows: exact decimal strings, per SKU, from the charge lines. */
export const usageCost = z.object({
  from: z.date(),
  to: z.date(),
  currency: z.string(),
  items: z.array(z.object({
    resourceType: z.string(), name: z.string(), unitName: z.string(), fixed: z.boolean(),
    quantity: decimalString, originalAmount: decimalString, discountAmount: decimalString, amount: decimalString,
  })),
  /** Σ amount. */
  total: decimalString,
  /** Σ discountAmount: what included units, coupons and vouchers took off. */
  discount: decimalString,
});
export type UsageCost = z.infer<typeof usageCost>;
