import { prisma } from '../db';
import type { MembershipRole, StaffRole } from '../generated/prisma/enums';
import { findActiveImpersonation, type ActiveImpersonation } from '../impersonation/access';

export const TENANT_SCOPE_SELECT = { id: true, name: true, currency: true, locale: true, billingTimezone: true, taxRate: true, status: true } as const;

export type TenantScope = {
  tenantId: string;
  /** The person's membership role; null for an API key, which is authorised by its scopes instead. */
  role: MembershipRole | null;
  tenant: { id: string; name: string; currency: string; locale: string; billingTimezone: string };
};

/** The caller's membership in a tenant, or null: a tenant the user does not belong to does not exist for them. */
export async function resolveTenantAccess(userId: string, tenantId: string): Promise<(TenantScope & { role: MembershipRole }) | null> {
  const membership = await prisma.membership.findUnique({
    where: { tenantId_userId: { tenantId, userId } },
    select: { role: true, tenant: { select: TENANT_SCOPE_SELECT } },
  });
  const scope = membership && scopeOf(membership.tenant, membership.role);
  return scope ? { ...scope, role: membership.role } : null;
}

export type CallerAccess = TenantScope & { role: MembershipRole; impersonation: ActiveImpersonation | null };

/**
 * The one resolution of a signed-in person's tenant scope (tRPC ladder, REST session cookie,
 * tenant layout): a staff user with an active impersonation of the tenant in this auth session
 * acts with the role the impersonation allows; anyone else needs a membership. Null otherwise,
 * so staff without an impersonation see a tenant as not found.
 */
export async function resolveCallerAccess(user: { id: string; sessionId: string; staffRole: StaffRole | null }, tenantId: string): Promise<CallerAccess | null> {
  const impersonation = user.staffRole ? await findActiveImpersonation(user, tenantId) : null;
  if (impersonation) {
    const scope = scopeOf(impersonation.tenant, impersonation.role);
    return scope ? { ...scope, role: impersonation.role, impersonation } : null;
  }
  const membership = await resolveTenantAccess(user.id, tenantId);
  return membership ? { ...membership, impersonation: null } : null;
}

export async function listUserTenants(userId: string) {
  const memberships = await prisma.membership.findMany({
    where: { userId, tenant: { status: { not: 'closed' } } },
    select: { role: true, tenant: { select: { id: true, name: true, currency: true } } },
    orderBy: { tenant: { name: 'asc' } },
  });
  return memberships.map((m) => ({ tenantId: m.tenant.id, name: m.tenant.name, currency: m.tenant.currency, role: m.role }));
}

type TenantScopeRow = { id: string; name: string; currency: string; locale: string; billingTimezone: string; status: string };

/** A scope from a tenant row already loaded (with TENANT_SCOPE_SELECT); null for a closed tenant. */
export function scopeOf(tenant: TenantScopeRow, role: MembershipRole | null): TenantScope | null {
  if (tenant.status === 'closed') return null;
  return {
    tenantId: tenant.id,
    role,
    tenant: { id: tenant.id, name: tenant.name, currency: tenant.currency, locale: tenant.locale, billingTimezone: tenant.billingTimezone },
  };
}
