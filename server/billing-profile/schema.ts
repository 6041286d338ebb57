import { z } from 'zod';

export const INVOICE_LANGUAGES = ['zh-CN', 'en'] as const;
export const invoiceLanguage = z.enum(INVOICE_LANGUAGES);
export type InvoiceLanguage = z.output<typeof invoiceLanguage>;

/** An optional free-text field: surrounding spaces dropped, an empty answer stored as NULL. */
const optionalText = (max: number) => z.string().trim().max(max).transform((value) => (value === '' ? null : value));

/**
 * What the billing profile form sends. Limits are what an invoice can print: a tax id is letters,
 * digits and the separators tax authorities use (a Chinese unified social credit code, an EU VAT id, …).
 * The page validates with this same schema and maps each issue to a localized message.
 */
export const billingProfileInput = z.strictObject({
  companyName: z.string().trim().min(1).max(200),
  taxId: z.string().trim().max(64).regex(/^[A-Za-z0-9 .\/-]*$/).transform((value) => (value === '' ? null : value.toUpperCase())),
  address: optionalText(500),
  invoiceEmail: z.union([z.literal(''), z.email().max(320)]).transform((value) => (value === '' ? null : value.toLowerCase())),
  invoiceLanguage,
});
export type BillingProfileInput = z.output<typeof billingProfileInput>;
export type BillingProfileFormValues = z.input<typeof billingProfileInput>;

/** The buyer as printed on an invoice: the profile's fields, frozen onto billing_records.buyer_profile. */
export const buyerProfile = z.object({
  companyName: z.string(),
  taxId: z.string().nullable(),
  address: z.string().nullable(),
  invoiceEmail: z.string().nullable(),
  invoiceLanguage,
});
export type BuyerProfile = z.output<typeof buyerProfile>;

/** `billingProfile.get`: the saved profile, or the defaults taken from the tenant until the first save. */
export const billingProfileView = buyerProfile.extend({
  tenantId: z.string(),
  /** false until the profile is first saved (the fields are then the tenant's name and locale). */
  saved: z.boolean(),
  updatedAt: z.date().nullable(),
});
export type BillingProfileView = z.output<typeof billingProfileView>;

export const billingProfileGetInput = z.strictObject({}).optional();
