import { z } from 'zod';
import { MembershipRole, StaffRole } from '../generated/prisma/enums';
import { safeString } from '../platform/safe-text';

export const IMPERSONATION_DEFAULT_MINUTES = 30;
export const IMPERSONATION_MAX_MINUTES = 240;

/** `staff.impersonation.start`: which tenant, why (shown to the tenant's owners and admins), for how long. */
export const startImpersonationInput = z.strictObject({
  tenantId: safeString().trim().min(1).max(64),
  reason: safeString().trim().min(10).max(500),
  minutes: z.number().int().min(1).max(IMPERSONATION_MAX_MINUTES).default(IMPERSONATION_DEFAULT_MINUTES),
});
export type StartImpersonationInput = z.output<typeof startImpersonationInput>;

/** One impersonation as the staff console and the banner show it. */
export const impersonationView = z.object({
  id: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  staffUserId: z.string(),
  staffEmail: z.string(),
  staffRole: z.enum(StaffRole),
  /** The tenant role the staff user acts with: bounded by the staff role, never owner. */
  effectiveRole: z.enum(MembershipRole),
  reason: z.string(),
  startedAt: z.date(),
  expiresAt: z.date(),
  /** The server's clock when this was read, so a countdown does not depend on the browser's clock. */
  serverNow: z.date(),
});
export type ImpersonationView = z.infer<typeof impersonationView>;

export const currentImpersonation = impersonationView.nullable();

export const stopImpersonationOutput = z.object({ stopped: z.boolean(), impersonationId: z.string().nullable() });
export type StopImpersonationOutput = z.infer<typeof stopImpersonationOutput>;
