import { z } from 'zod';
import { decimalString, nonNegativeDecimalInput } from '../money-schema';

export const ALERT_CHANNELS = ['email', 'in_app'] as const;
export const alertChannel = z.enum(ALERT_CHANNELS);
export const alertStatus = z.enum(['active', 'paused']);

/** A resource type as the catalog names it (api_calls, storage_gb, …). */
const resourceType = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a resource type such as api_calls');
const alertName = z.string().trim().min(1).max(100);
const appId = z.string().regex(/^app_[a-z0-9]{1,60}$/);
/** Percent of the base: 1–1000 (above 100 warns of running far past a soft quota or the included units). */
const thresholdPercent = z.number().int().min(1).max(1000);
const channels = z.array(alertChannel).min(1).max(2).refine((list) => new Set(list).size === list.length, 'each channel once');

const thresholds = {
  thresholdPercent: thresholdPercent.nullable().optional(),
  /** A fixed usage quantity in the resource's unit (not money). */
  thresholdAmount: nonNegativeDecimalInput.nullable().optional(),
  /** A spend for the period in the tenant's currency (money, a decimal string). */
  thresholdSpend: nonNegativeDecimalInput.nullable().optional(),
};

const hasThreshold = (value: { thresholdPercent?: number | null; thresholdAmount?: string | null; thresholdSpend?: string | null }) =>
  (value.thresholdPercent ?? null) !== null || (value.thresholdAmount ?? null) !== null || (value.thresholdSpend ?? null) !== null;

export const createAlertInput = z.strictObject({
  name: alertName,
  resourceType,
  appId: appId.nullable().optional(),
  ...thresholds,
  channels: channels.default(['email', 'in_app']),
}).refine(hasThreshold, { message: 'give a percent threshold, a fixed quantity or a spend (or several)', path: ['thresholdPercent'] });
export type CreateAlertInput = z.output<typeof createAlertInput>;

/** Replaces the editable fields (a PUT of the form): thresholds not sent become null. */
export const updateAlertInput = z.strictObject({
  id: z.string().regex(/^ua_[a-z0-9]{1,60}$/),
  name: alertName,
  resourceType,
  appId: appId.nullable().optional(),
  ...thresholds,
  channels,
  status: alertStatus,
}).refine(hasThreshold, { message: 'give a percent threshold, a fixed quantity or a spend (or several)', path: ['thresholdPercent'] });
export type UpdateAlertInput = z.output<typeof updateAlertInput>;

export const alertIdInput = z.strictObject({ id: z.string().regex(/^ua_[a-z0-9]{1,60}$/) });
export const setAlertStatusInput = z.strictObject({ id: alertIdInput.shape.id, status: alertStatus });

/** One alert as the portal shows it; field names follow seed 000's UsageAlertResponse. */
export const alertView = z.object({
  id: z.string(),
  name: z.string(),
  appId: z.string().nullable(),
  resourceType: z.string(),
  thresholdPercent: z.number().int().nullable(),
  thresholdAmount: decimalString.nullable(),
  thresholdSpend: decimalString.nullable(),
  /** The tenant's currency, which thresholdSpend is in. */
  currency: z.string(),
  channels: z.array(alertChannel),
  status: alertStatus,
  lastTriggeredAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type AlertView = z.infer<typeof alertView>;

export const alertList = z.object({
  alerts: z.array(alertView),
  /** The resource types an alert may watch, with their display names and units. */
  resourceTypes: z.array(z.object({ resourceType: z.string(), name: z.string(), nameZh: z.string(), unitName: z.string() })),
  apps: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type AlertList = z.infer<typeof alertList>;

export const okResult = z.object({ ok: z.literal(true) });
