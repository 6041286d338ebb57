import type { MembershipRole } from '../generated/prisma/enums';
import { tenantRoleAtLeast } from '../auth/roles';
import { impersonationActor, recordImpersonatedRequest } from '../impersonation/access';
import { requestMetaFrom } from '../platform/request-meta';
import { resolveCallerAccess, type CallerAccess } from '../tenants/tenant-access';
import { sessionUserFromCookie } from '../auth/session-cookie';

/** A short plain-text answer for the portal's download routes (never HTML, never cached). */
export const plainText = (status: number, body: string) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * The one check of the portal's download routes (CSV exports, PDFs) — the tenant pages' own:
 * the session's membership in the tenant, or a staff member's active impersonation of it (its role
 * bounded by the staff role); another tenant is 404, a role below `minRole` 403. An impersonated
 * download is on the record, as every impersonated request is.
 */
export async function portalDownloadAccess(request: Request, tenantId: string, minRole: MembershipRole = 'viewer'): Promise<CallerAccess | Response> {
  const user = await sessionUserFromCookie(request);
  if (!user) return plainText(401, 'sign in first');
  const access = await resolveCallerAccess(user, tenantId);
  if (!access?.role) return plainText(404, 'not found');
  if (!tenantRoleAtLeast(access.role, minRole)) return plainText(403, `this needs the ${minRole} role or higher`);
  if (access.impersonation) {
    const actor = impersonationActor(user.id, access.impersonation.id, requestMetaFrom(request.headers));
    await recordImpersonatedRequest(actor, access.tenantId, { transport: 'rest', target: `GET ${new URL(request.url).pathname}`, type: 'GET' });
  }
  return access;
}
