import { z } from 'zod';
import { decimalString } from '../money-schema';

/** An add-on code as the catalog names it (F5: `f5xc_waap_standard`; ours: `advanced_mfa`). */
export const addOnCode = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);

/**
 * F5 ops 18–19 body: the oneof `addon_choice`, one key naming the add-on with the value `{}`;
 * zero or several keys, another value or a malformed name → 400. Parsed to `{ addOnCode }`.
 */
export const addOnChoiceBody = z.record(addOnCode, z.strictObject({}))
  .refine((body) => Object.keys(body).length === 1, 'send exactly one add-on, as {"<addon_name>": {}}')
  .describe('oneof addon_choice: exactly one key, the add-on\'s name, with the value {}');
export type AddOnChoiceBody = z.output<typeof addOnChoiceBody>;
/** The add-on a parsed oneof body names. */
export const addOnChoiceOf = (body: AddOnChoiceBody): AddOnChangeInput => ({ addOnCode: Object.keys(body)[0]! });
/** F5 SubscribeResponse / UnsubscribeResponse: an empty object. */
export const emptyResponse = z.strictObject({});

/** tRPC `addOns.subscribe` / `addOns.unsubscribe`. */
export const addOnChangeInput = z.strictObject({ addOnCode });
export type AddOnChangeInput = z.output<typeof addOnChangeInput>;

export const addOnChangeResult = z.object({
  addOnCode: z.string(),
  /** subscribed: new and billed; resumed: an unsubscribe before period end undone, nothing billed; canceled: ends at endsAt; unchanged: it already was so. */
  outcome: z.enum(['subscribed', 'resumed', 'canceled', 'unchanged']),
  billingRecordId: z.string().nullable(),
  endsAt: z.date().nullable(),
});
export type AddOnChangeResult = z.infer<typeof addOnChangeResult>;

/** The prorated charge of subscribing now: price × r / N, half up, and its tax, half up. */
export const proratedCharge = z.object({
  amount: decimalString, taxAmount: decimalString, total: decimalString, remainingDays: z.number().int(), periodDays: z.number().int(),
});
export type ProratedCharge = z.infer<typeof proratedCharge>;

/** `addOns.list`: the add-ons the current plan allows or includes, subscribed or not. */
export const addOnList = z.object({
  hasSubscription: z.boolean(),
  /** false while the subscription is suspended (or ended): nothing new can be subscribed. */
  canSubscribe: z.boolean(),
  currency: z.string(),
  periodEnd: z.date().nullable(),
  addOns: z.array(z.object({
    code: z.string(),
    name: z.string(),
    nameZh: z.string(),
    description: z.string(),
    descriptionZh: z.string(),
    /** included: part of the plan; active: subscribed; ending: unsubscribed, runs to `endsAt`; available: may be subscribed. */
    state: z.enum(['included', 'active', 'ending', 'available']),
    price: decimalString.nullable().describe('price per period in the tenant\'s currency; null when it has none'),
    endsAt: z.date().nullable(),
    proratedCharge: proratedCharge.nullable(),
  })),
});
export type AddOnList = z.infer<typeof addOnList>;
