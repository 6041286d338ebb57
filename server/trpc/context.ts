import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../auth/sessions';
import { currentUser } from '../auth/viewer';
import { clientIp, userAgent } from '../platform/request-info';
import { TENANT_HEADER } from '../tenants/tenant-header';


export type RequestMeta = { ip: string; userAgent: string; requestId: string };

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
    meta: { ip: clientIp(headers), userAgent: userAgent(headers), requestId: headers.get('x-request-id') ?? randomUUID() },
  };
}

export async function createContext({ req }: { req: Request }): Promise<Context> {
  return buildContext(await currentUser(), req.headers.get(TENANT_HEADER), req.headers);
}
