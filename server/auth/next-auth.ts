import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import type { JWT } from 'next-auth/jwt';
import { authErrorLog } from './auth-log';
import { authorizeCredentials } from './credentials';
import { safeCallbackPath } from './safe-callback';
import { endImpersonationOnSignOut } from '../impersonation/lifecycle';
import { loadSessionUser, revokeSession, SESSION_HOURS, type SessionUser } from './sessions';
import { requestMetaFrom } from '../platform/request-meta';

/**
 * The database session each `jwt` callback loaded, for the `session` callback that Auth.js calls
 * next with the same token object: one query per request, and `currentUser()` reads the result
 * from the session instead of asking again.
 */
const loadedViewers = new WeakMap<JWT, SessionUser>();

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  logger: { error: (error) => authErrorLog.error(error) },
  session: { strategy: 'jwt', maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: '/sign-in' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: (raw, request) => {
        const { ip, userAgent } = requestMetaFrom(request.headers);
        return authorizeCredentials(raw, { ip, userAgent });
      },
    }),
  ],
  callbacks: {
    /**
     * Every request with a session cookie comes through here (`/api/auth/session`, `auth()`). The
     * JWT only carries a session id; a revoked or expired session or a disabled user returns
     * null, which makes Auth.js answer `null` and clear the cookie instead of renewing it.
     */
    async jwt({ token, user }) {
      if (user && 'sessionId' in user && typeof user.sessionId === 'string') {
        token.sid = user.sessionId;
        return token;
      }
      if (typeof token.sid !== 'string') return null;
      const viewer = await loadSessionUser(token.sid);
      if (!viewer) return null;
      loadedViewers.set(token, viewer);
      return token;
    },
    session({ session, token }) {
      const viewer = loadedViewers.get(token) ?? null;
      return { ...session, sessionId: viewer?.sessionId, viewer };
    },
    /** Auth.js's own callbackUrl handling follows the same rule as the sign-in page. */
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid !== 'string') return;
      await endImpersonationOnSignOut(sid);
      await revokeSession(sid);
    },
  },
});
