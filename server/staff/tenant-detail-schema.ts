import { z } from 'zod';
import { decimalString } from '../money-schema';
import { BillingCycle, BillingRecordStatus, BillingRecordType, MembershipRole, SubscriptionStatus, TenantStatus } from '../generated/prisma/enums';
import { safeString } from '../platform/safe-text';


export const staffTenantInput = z.strictObject({ tenantId: safeString().trim().min(1).max(100) });
export type StaffTenantInput = z.output<typeof staffTenantInput>;

/** `staff.tenant.get`: what support needs on one screen (the invoices are paged separately). */
export const staffTenantDetail = z.object({
  tenant: z.object({
    id: z.string(), name: z.string(), currency: z.string(), locale: z.string(), billingTimezone: z.string(), status: z.enum(TenantStatus), createdAt: z.date(),
  }),
  subscription: z.object({
    planCode: z.string(),
    planName: z.string(),
    planNameZh: z.string(),
    status: z.enum(SubscriptionStatus),
    billingCycle: z.enum(BillingCycle),
    currentPeriodStart: z.date(),
    currentPeriodEnd: z.date(),
  }).nullable(),
  credit: z.object({ balance: decimalString.describe('a decimal string in `currency`'), currency: z.string() }),
  members: z.array(z.object({ userId: z.string(), email: z.string(), name: z.string(), role: z.enum(MembershipRole), lastLoginAt: z.date().nullable() })),
  /** Usage per resource type over the last 30 days (`usage_daily`), and the metered items of the open period; both may be empty. */
  usage: z.array(z.object({ resourceType: z.string(), quantity: decimalString, days: z.number().int() })),
  metered: z.array(z.object({
    resourceType: z.string(), periodStart: z.date(), periodEnd: z.date(), totalUsage: decimalString, overageAmount: decimalString, currency: z.string(),
  })),
});
export type StaffTenantDetail = z.infer<typeof staffTenantDetail>;

export const staffTenantInvoicesInput = staffTenantInput.extend({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(10),
});
export type StaffTenantInvoicesInput = z.output<typeof staffTenantInvoicesInput>;

export const staffTenantInvoices = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(z.object({
    id: z.string(),
    invoiceNumber: z.string().nullable(),
    type: z.enum(BillingRecordType),
    status: z.enum(BillingRecordStatus),
    description: z.string(),
    amount: decimalString.describe('total including tax, a decimal string in `currency`'),
    refundedAmount: decimalString.describe('refunded so far (card and credit), a decimal string in `currency`'),
    currency: z.string(),
    createdAt: z.date(),
  })),
});
export type StaffTenantInvoices = z.infer<typeof staffTenantInvoices>;
