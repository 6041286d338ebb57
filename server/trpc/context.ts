import type { SessionUser } from '../auth/sessions';
import { sessionUserFromCookie } from '../auth/session-cookie';
import { requestMetaFrom, type RequestMeta } from '../platform/request-meta';
import { TENANT_HEADER } from '../tenants/tenant-header';
import { requestSite, type RequestSite } from '../platform/same-origin';

export type { RequestMeta };

export type Context = {
  user: SessionUser | null;
  /** The tenant the caller asks for; only trusted after tenantProcedure checked the membership. */
  requestedTenantId: string | null;
  meta: RequestMeta;
  /** Origin and Sec-Fetch-Site as sent, and the hosts the request was addressed to: mutations must be same-origin. */
  site: RequestSite;
};

/** `meta` when the transport already read it (one request id per request); `url` is the request's own URL. */
export function buildContext(
  user: SessionUser | null,
  requestedTenantId: string | null,
  headers: Headers = new Headers(),
  request: { url?: string; meta?: RequestMeta } = {},
): Context {
  return {
    user,
    requestedTenantId,
    meta: request.meta ?? requestMetaFrom(headers),
    site: requestSite(headers, request.url),
  };
}

/** The caller from the session cookie, checked against the database on every call (server/auth/session-cookie.ts). */
export async function createContext({ req, meta }: { req: Request; meta?: RequestMeta }): Promise<Context> {
  return buildContext(await sessionUserFromCookie(req), req.headers.get(TENANT_HEADER), req.headers, { url: req.url, meta });
}
