import type { MembershipRole, StaffRole } from '../generated/prisma/enums';

/** Tenant roles are a ladder: each may do everything the roles below it may. */
const TENANT_RANK: Record<MembershipRole, number> = { viewer: 1, billing: 2, admin: 3, owner: 4 };

/** Staff roles are a ladder too: support reads, finance also corrects money, admin does everything. */
const STAFF_RANK: Record<StaffRole, number> = { support: 1, finance: 2, admin: 3 };

export function tenantRoleAtLeast(role: MembershipRole, minimum: MembershipRole): boolean {
  return TENANT_RANK[role] >= TENANT_RANK[minimum];
}

export function staffRoleAtLeast(role: StaffRole, minimum: StaffRole): boolean {
  return STAFF_RANK[role] >= STAFF_RANK[minimum];
}

export const TENANT_ROLES: MembershipRole[] = ['owner', 'admin', 'billing', 'viewer'];
export const STAFF_ROLES: StaffRole[] = ['support', 'finance', 'admin'];
