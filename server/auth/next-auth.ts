import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { prisma } from '../db';
import { now } from '../clock';
import { decoyPasswordHash, verifyPassword } from './password';
import { isLoginThrottled, recordLoginAttempt } from './login-throttle';
import { openSession, revokeSession, SESSION_HOURS } from './sessions';
import { clientIp } from '../platform/request-info';

class TooManyAttempts extends CredentialsSignin {
  code = 'rate_limited';
}

const credentialsSchema = z.object({ email: z.email().max(320).toLowerCase(), password: z.string().min(1).max(200) });

async function authorize(raw: unknown, request: Request) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = clientIp(request.headers);
  if (await isLoginThrottled(email, ip)) throw new TooManyAttempts();
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, status: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  const accepted = Boolean(user && valid && user.status === 'active');
  await recordLoginAttempt(email, ip, accepted);
  if (!user || !accepted) return null;
  const session = await openSession(user.id, ip, request.headers.get('user-agent') ?? '');
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: now() } });
  return { id: user.id, email: user.email, name: user.name, sessionId: session.id };
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // A wrong password is an expected outcome, not an error worth a stack trace in the log.
  logger: {
    error(error) {
      if (error.name === 'CredentialsSignin' || error.name === 'TooManyAttempts') return;
      console.error(`[auth] ${error.name}: ${error.message.split('\n')[0]}`);
    },
  },
  session: { strategy: 'jwt', maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: '/sign-in' },
  providers: [Credentials({ credentials: { email: {}, password: {} }, authorize })],
  callbacks: {
    jwt({ token, user }) {
      if (user && 'sessionId' in user) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      return { ...session, sessionId: typeof token.sid === 'string' ? token.sid : undefined };
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await revokeSession(sid);
    },
  },
});
