import { getToken } from 'next-auth/jwt';
import { loadSessionUser, type SessionUser } from './sessions';

/**
 * The signed-in person behind a request's session cookie, checked against the database now (the
 * session row, its expiry and revocation, the user's status): Auth.js's JWT is decoded, never
 * re-issued, so a read costs one decryption and one query. REST's session path, portal downloads
 * and tRPC's context all use it; pages keep Auth.js's `auth()`, which also renews the cookie.
 */
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

/** The portal's own session cookie, for endpoints a signed-in person may call from the browser. */
export async function sessionUserFromCookie(request: Request): Promise<SessionUser | null> {
  const cookie = request.headers.get('cookie') ?? '';
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  for (const cookieName of SESSION_COOKIES) {
    if (!cookie.includes(`${cookieName}=`)) continue;
    const token = await getToken({ req: request, secret, cookieName, salt: cookieName, secureCookie: cookieName.startsWith('__Secure-') });
    if (token && typeof token.sid === 'string') return loadSessionUser(token.sid);
  }
  return null;
}
