import { prisma } from '../db';
import { now } from '../clock';
import { recordAudit } from '../audit/record-audit';
import { userActor, type Actor } from '../audit/actor';
import type { MembershipRole, StaffRole } from '../generated/prisma/enums';
import type { RequestMeta } from '../platform/request-meta';

/**
 * The tenant role an impersonation acts with, bounded by the staff role: support only looks
 * (viewer, and read-only whatever a viewer may otherwise change), finance acts as billing,
 * admin as admin. Never owner: members, roles and closing the tenant stay with the tenant.
 */
export const IMPERSONATION_ROLE: Record<StaffRole, MembershipRole> = { support: 'viewer', finance: 'billing', admin: 'admin' };

/** Support impersonations may read, never change, even what the bounded role would allow. */
export const isReadOnlyImpersonation = (staffRole: StaffRole) => staffRole === 'support';

export type ActiveImpersonation = {
  id: string;
  staffRole: StaffRole;
  role: MembershipRole;
  readOnly: boolean;
  reason: string;
  expiresAt: Date;
  tenant: { id: string; name: string; currency: string; locale: string; billingTimezone: string; status: string };
};

/**
 * The staff user's active impersonation of `tenantId` in this auth session, or null: not ended,
 * not expired on the server clock, started by this user in this very session. One query.
 */
export async function findActiveImpersonation(staff: { id: string; sessionId: string; staffRole: StaffRole | null }, tenantId: string): Promise<ActiveImpersonation | null> {
  if (!staff.staffRole) return null;
  const row = await prisma.impersonationSession.findFirst({
    where: { tenantId, authSessionId: staff.sessionId, staffUserId: staff.id, endedAt: null, expiresAt: { gt: now() } },
    select: {
      id: true, reason: true, expiresAt: true,
      tenant: { select: { id: true, name: true, currency: true, locale: true, billingTimezone: true, status: true } },
    },
    orderBy: { startedAt: 'desc' },
  });
  if (!row) return null;
  return { id: row.id, staffRole: staff.staffRole, role: IMPERSONATION_ROLE[staff.staffRole], readOnly: isReadOnlyImpersonation(staff.staffRole), reason: row.reason, expiresAt: row.expiresAt, tenant: row.tenant };
}

/** Whether this session's most recent impersonation was of `tenantId` and has ended (pages redirect to the console with a notice). */
export async function impersonationEndedIn(sessionId: string, tenantId: string): Promise<boolean> {
  const last = await prisma.impersonationSession.findFirst({
    where: { authSessionId: sessionId },
    select: { tenantId: true, endedAt: true, expiresAt: true },
    orderBy: { startedAt: 'desc' },
  });
  return !!last && last.tenantId === tenantId && (last.endedAt !== null || last.expiresAt <= now());
}

/**
 * The actor of a request made while impersonating: the staff user acts (`userId`, kind 'staff')
 * and is also named as the impersonator, with the imp_… id, so every audit row written on the
 * way carries both the person and the impersonation they acted under.
 */
export function impersonationActor(staffUserId: string, impersonationId: string, meta: RequestMeta): Actor {
  return { ...userActor(staffUserId, meta, 'staff'), impersonatorUserId: staffUserId, impersonationId };
}

/** One audit row per request scoped through an impersonation (one insert). */
export async function recordImpersonatedRequest(actor: Actor, tenantId: string, request: { transport: 'trpc' | 'rest'; target: string; type: string }): Promise<void> {
  await recordAudit(prisma, actor, {
    tenantId,
    action: 'impersonation.request',
    targetType: request.transport === 'trpc' ? 'trpc_procedure' : 'rest_route',
    targetId: request.target.slice(0, 300),
    after: { type: request.type },
  });
}
