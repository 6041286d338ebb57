import type { SessionUser } from '../auth/sessions';
import { currentUser } from '../auth/viewer';
import { requestMetaFrom, type RequestMeta } from '../platform/request-meta';
import { TENANT_HEADER } from '../tenants/tenant-header';

export type { RequestMeta };

export type Context = {
  user: SessionUser | null;
  /** The tenant the caller asks for; only trusted after tenantProcedure checked the membership. */
  requestedTenantId: string | null;
  meta: RequestMeta;
};

export function buildContext(user: SessionUser | null, requestedTenantId: string | null, headers: Headers = new Headers()): Context {
  return {
    user,
    requestedTenantId,
    meta: requestMetaFrom(headers),
  };
}

export async function createContext({ req }: { req: Request }): Promise<Context> {
  return buildContext(await currentUser(), req.headers.get(TENANT_HEADER), req.headers);
}
