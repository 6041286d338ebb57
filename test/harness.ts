import { appRouter } from '../server/app-router';
import { buildContext } from '../server/trpc/context';
import { createCallerFactory } from '../server/trpc/init';
import { encode } from 'next-auth/jwt';
import { loadSessionUser, openSession } from '../server/auth/sessions';
import type { RouteHandler } from '../server/rest/guard';
import { EDGE_HEADERS, EDGE_SEAL_ENV } from '../server/platform/request-meta';

/** The headers the edge server (server/edge) writes for a request from `ip`, sealed for this process. */
export function edgeHeaders(ip: string, requestId: string = crypto.randomUUID()): Record<string, string> {
  return { [EDGE_HEADERS.clientIp]: ip, [EDGE_HEADERS.requestId]: requestId, [EDGE_HEADERS.seal]: process.env[EDGE_SEAL_ENV]! };
}

const createCaller = createCallerFactory(appRouter);

/** A tRPC caller for a real user with a real database session, looking at `tenantId`. */
export async function callerFor(userId: string, tenantId: string | null) {
  const session = await openSession(userId, '127.0.0.1', 'vitest');
  const user = await loadSessionUser(session.id);
  if (!user) throw new Error(`no active session user for ${userId}`);
  return createCaller(buildContext(user, tenantId, new Headers({ ...edgeHeaders('10.1.2.3'), 'user-agent': 'vitest' })));
}

export type RestCall = {
  method?: string;
  path: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
};

/** Calls a route handler the way Next does: a real Request and the route's params. */
export async function callRoute(handler: RouteHandler, call: RestCall) {
  const hasBody = call.rawBody !== undefined || call.body !== undefined;
  const request = new Request(`http://localhost${call.path}`, {
    method: call.method ?? 'GET',
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...call.headers },
    body: call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body)),
  });
  const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

const SESSION_COOKIE = 'authjs.session-token';

/** The cookie the portal sets after sign-in for `userId`: a JWT (AUTH_SECRET) carrying a real session id. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const session = await openSession(userId, '127.0.0.1', 'vitest');
  return `${SESSION_COOKIE}=${await encode({ token: { sub: userId, sid: session.id }, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE })}`;
}
