import type { MembershipRole, StaffRole } from '../generated/prisma/enums';
import { forbidden, notFound, unauthorized } from '../errors';
import { staffRoleAtLeast, tenantRoleAtLeast } from '../auth/roles';
import { resolveCallerAccess } from '../tenants/tenant-access';
import { impersonationActor, recordImpersonatedRequest } from '../impersonation/access';
import { userActor } from '../audit/actor';
import { baseProcedure, middleware } from './init';

export const publicProcedure = baseProcedure;

const requireUser = middleware(({ ctx, next }) => {
  if (!ctx.user) throw unauthorized();
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const authedProcedure = baseProcedure.use(requireUser);

/**
 * The one place tenant data is scoped: the requested tenant must be one the user belongs to (or,
 * for staff, one they actively impersonate in this session), else NOT_FOUND (a foreign tenant
 * does not exist for the caller); a lower role gets FORBIDDEN.
 */
export function tenantProcedure(minimumRole: MembershipRole) {
  return authedProcedure.use(async ({ ctx, next, path, type }) => {
    const access = ctx.requestedTenantId ? await resolveCallerAccess(ctx.user, ctx.requestedTenantId) : null;
    if (!access) throw notFound('tenant', 'TENANT_NOT_FOUND');
    const impersonation = access.impersonation;
    const actor = impersonation ? impersonationActor(ctx.user.id, impersonation.id, ctx.meta) : userActor(ctx.user.id, ctx.meta);
    // Staff acting as the tenant: every call is audited with both identities, refused ones too.
    if (impersonation) await recordImpersonatedRequest(actor, access.tenantId, { transport: 'trpc', target: path, type });
    if (impersonation?.readOnly && type !== 'query') throw forbidden('a support impersonation is read-only', 'IMPERSONATION_READ_ONLY');
    if (!tenantRoleAtLeast(access.role, minimumRole)) throw forbidden(`this needs the ${minimumRole} role or higher`, 'ROLE_TOO_LOW');
    return next({ ctx: { ...ctx, scope: access, actor } });
  });
}

export function staffProcedure(minimumRole: StaffRole) {
  return authedProcedure.use(({ ctx, next }) => {
    const role = ctx.user.staffRole;
    if (!role) throw forbidden('staff only', 'NOT_STAFF');
    if (!staffRoleAtLeast(role, minimumRole)) throw forbidden(`this needs the ${minimumRole} staff role or higher`, 'ROLE_TOO_LOW');
    return next({ ctx: { ...ctx, staffRole: role, actor: userActor(ctx.user.id, ctx.meta, 'staff') } });
  });
}
