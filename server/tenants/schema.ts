import { z } from 'zod';
import { decimalString } from '../money-schema';
import { subscriptionPeriodFields } from '../subscriptions/schema';
import { BillingRecordStatus, BillingRecordType, MembershipRole, StaffRole } from '../generated/prisma/enums';
import { SUPPORTED_CURRENCIES } from '../money';
import { isValidTimeZone } from '../time/zoned';


export const createTenantInput = z.strictObject({
  /** Explicit ids are for fixtures and the demo seed (`tnt_demo`); the product mints random ones. */
  id: z.string().regex(/^tnt_[a-z0-9_]{2,40}$/).optional(),
  name: z.string().trim().min(1).max(200),
  currency: z.enum(SUPPORTED_CURRENCIES as [string, ...string[]]).default('CNY'),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  billingTimezone: z.string().refine(isValidTimeZone, 'unknown IANA time zone').optional(),
  taxRate: z.string().regex(/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/).optional(),
  tenantType: z.enum(['freemium', 'enterprise']).default('freemium'),
});
/** Parsed (defaults applied): what createTenant takes. */
export type CreateTenantInput = z.output<typeof createTenantInput>;

/** `tenants.me`: the signed-in person and the tenants they may pick from. */
export const me = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), locale: z.string(), staffRole: z.enum(StaffRole).nullable() }),
  tenants: z.array(z.object({ tenantId: z.string(), name: z.string(), currency: z.string(), role: z.enum(MembershipRole) })),
});
export type Me = z.infer<typeof me>;

/** `tenants.overview`: plan, subscription period, credit balance and the latest invoices. */
export const tenantOverview = z.object({
  tenant: z.object({
    id: z.string(), name: z.string(), currency: z.string(), locale: z.string(), billingTimezone: z.string(),
    role: z.enum(MembershipRole).nullable(),
  }),
  subscription: z.object({
    ...subscriptionPeriodFields,
    cancelAtPeriodEnd: z.boolean(),
    autoRenew: z.boolean(),
    plan: z.object({ code: z.string(), name: z.string(), nameZh: z.string() }),
  }).nullable(),
  credit: z.object({ balance: decimalString.describe('the credit balance, a decimal string in `currency`'), currency: z.string(), updatedAt: z.date().nullable() }),
  latestRecords: z.array(z.object({
    id: z.string(),
    invoiceNumber: z.string().nullable(),
    type: z.enum(BillingRecordType),
    status: z.enum(BillingRecordStatus),
    description: z.string(),
    amount: decimalString.describe('the invoice total including tax, a decimal string in `currency`'),
    currency: z.string(),
    createdAt: z.date(),
  })),
  recordCount: z.number().int(),
});
export type TenantOverview = z.infer<typeof tenantOverview>;
