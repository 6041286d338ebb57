import { CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { prisma } from '../db';
import { now } from '../clock';
import { decoyPasswordHash, verifyPassword } from './password';
import { beginLoginAttempt, recordLoginOutcome } from './login-throttle';
import { openSession } from './sessions';

/** Refused by the login throttle (the sign-in form shows its own message for this code). */
export class TooManyAttempts extends CredentialsSignin {
  code = 'rate_limited';
}

const credentialsSchema = z.object({ email: z.email().max(320).toLowerCase(), password: z.string().min(1).max(200) });

/**
 * Auth.js Credentials `authorize`: throttle first (atomically reserving the attempt), only then
 * verify the password, then record the outcome and open a database session.
 */
export async function authorizeCredentials(raw: unknown, client: { ip: string; userAgent: string }) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const attempt = await beginLoginAttempt(email, client.ip);
  if (!attempt.allowed) throw new TooManyAttempts();
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, status: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  const accepted = Boolean(user && valid && user.status === 'active');
  await recordLoginOutcome(attempt.attemptId, accepted);
  if (!user || !accepted) return null;
  const session = await openSession(user.id, client.ip, client.userAgent);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: now() } });
  return { id: user.id, email: user.email, name: user.name, sessionId: session.id };
}
