import { z } from 'zod';
import { SubscriptionStatus, TenantStatus } from '../generated/prisma/enums';
import { safeString } from '../platform/safe-text';

/** `staff.tenants` input: a search (literal text, matched against id and name) and a page. */
export const tenantDirectoryInput = z.strictObject({
  search: safeString().trim().max(200).default(''),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TenantDirectoryInput = z.output<typeof tenantDirectoryInput>;

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
