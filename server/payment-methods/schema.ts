import { z } from 'zod';

/** F5 names are DNS labels (F5-BILLING-API.md §0); ours are generated as `<kind>-<last4>-<random>`. */
export const paymentMethodName = z.string().min(1).max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a payment method name is a DNS label (a-z, 0-9 and -)');

export const paymentMethodKind = z.enum(['card', 'alipay', 'wechat', 'bank']);
export const paymentMethodRole = z.enum(['primary', 'secondary', 'normal']);
export type PaymentMethodRoleValue = z.infer<typeof paymentMethodRole>;

/** A provider token: opaque, printable, bounded (a card number pasted here is refused by `describe`, never stored). */
export const providerToken = z.string().trim().min(8).max(2000).regex(/^[\x21-\x7e]+$/, 'a provider token is printable ASCII without spaces');

/** F5 `contact.GlobalSpecType` (F5-BILLING-API.md §5): every field optional, all strings but the enum. */
export const contact = z.strictObject({
  contact_type: z.enum(['MAILING', 'BILLING', 'PAYMENT']).optional(),
  address1: z.string().max(500).optional(), address2: z.string().max(500).optional(), city: z.string().max(200).optional(),
  county: z.string().max(200).optional(), state: z.string().max(200).optional(), state_code: z.string().max(20).optional(),
  country: z.string().max(200).optional(), zip_code: z.string().max(40).optional(), phone_number: z.string().max(60).optional(),
});
export type Contact = z.infer<typeof contact>;

// --- tRPC inputs and outputs.

/** `paymentMethods.add`: a token from the processor's tokenize endpoint, never card data. */
export const addPaymentMethodInput = z.strictObject({
  token: providerToken,
  role: paymentMethodRole.default('normal'),
  contact: contact.nullable().default(null),
});
export type AddPaymentMethodInput = z.output<typeof addPaymentMethodInput>;

export const paymentMethodRef = z.strictObject({ name: paymentMethodName });
export type PaymentMethodRef = z.output<typeof paymentMethodRef>;

export const paymentMethodView = z.object({
  id: z.string(),
  name: z.string(),
  kind: paymentMethodKind,
  role: paymentMethodRole,
  brand: z.string().nullable(),
  last4: z.string().nullable(),
  expMonth: z.number().int().nullable(),
  expYear: z.number().int().nullable(),
  holder: z.string().nullable(),
  /** A card past its expiry month cannot be charged. */
  expired: z.boolean(),
  contact: contact.nullable(),
  createdAt: z.date(),
});
export type PaymentMethodView = z.infer<typeof paymentMethodView>;

export const paymentMethodList = z.object({ methods: z.array(paymentMethodView) });
export type PaymentMethodList = z.infer<typeof paymentMethodList>;

export const roleChangeResult = z.object({ methods: z.array(paymentMethodView) });

// --- F5 (seed 003) wire shapes, F5-BILLING-API.md §6 ops 3–7.

/** F5 `payment_method.PaymentMethodRole`; UNKNOWN (the enum default) is taken as NORMAL. */
export const f5Role = z.enum(['PAYMENT_METHOD_ROLE_UNKNOWN', 'PAYMENT_METHOD_ROLE_PRIMARY', 'PAYMENT_METHOD_ROLE_SECONDARY', 'PAYMENT_METHOD_ROLE_NORMAL']);
export const roleFromF5 = (role: z.infer<typeof f5Role>): PaymentMethodRoleValue =>
  role === 'PAYMENT_METHOD_ROLE_PRIMARY' ? 'primary' : role === 'PAYMENT_METHOD_ROLE_SECONDARY' ? 'secondary' : 'normal';

export const f5CreateBody = z.strictObject({
  namespace: z.string().max(63).optional(),
  role: f5Role.default('PAYMENT_METHOD_ROLE_NORMAL'),
  token: providerToken,
  contact: contact.optional(),
});
export const f5CreateResponse = z.strictObject({ name: z.string() });
/** Body of ops 3–5: `{name, namespace}`; both optional (the path names them), a mismatch with the path is 400. */
export const f5RoleBody = z.strictObject({ name: z.string().max(63).optional(), namespace: z.string().max(63).optional() });
export const f5NamespaceParams = z.object({ namespace: z.string() });
export const f5NameParams = z.object({ namespace: z.string(), name: paymentMethodName });
export const emptyResponse = z.strictObject({});
