import { z } from 'zod';
import { SubscriptionStatus, TenantStatus } from '../generated/prisma/enums';

/** `staff.tenants`: one page of the tenant directory. */
export const tenantDirectory = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  tenants: z.array(z.object({
    id: z.string(),
    name: z.string(),
    currency: z.string(),
    locale: z.string(),
    status: z.enum(TenantStatus),
    createdAt: z.date(),
    planCode: z.string().nullable(),
    subscriptionStatus: z.enum(SubscriptionStatus).nullable(),
    members: z.number().int(),
  })),
});
export type TenantDirectory = z.infer<typeof tenantDirectory>;

export const SERVICE_SCOPES = ['export:user-data'] as const;

export const createServiceCredentialInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(SERVICE_SCOPES)).min(1),
});
export type CreateServiceCredentialInput = z.output<typeof createServiceCredentialInput>;
