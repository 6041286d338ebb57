import { prisma } from '../db';
import { now } from '../clock';
import { newId } from '../ids';

export const SESSION_HOURS = 12;

export async function openSession(userId: string, ip: string, userAgent: string) {
  const createdAt = now();
  return prisma.authSession.create({
    data: {
      id: newId('ses'),
      userId,
      ip,
      userAgent: userAgent.slice(0, 500),
      createdAt,
      expiresAt: new Date(createdAt.getTime() + SESSION_HOURS * 3_600_000),
    },
    select: { id: true, expiresAt: true },
  });
}

export async function revokeSession(sessionId: string): Promise<void> {
  await prisma.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now() } });
}

/**
 * The database decides on every request: a revoked or expired session, or a disabled user,
 * stops at once even though the JWT itself is still signed and unexpired.
 */
export async function loadSessionUser(sessionId: string) {
  const session = await prisma.authSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, locale: true, status: true, staffRole: true } },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= now() || session.user.status !== 'active') return null;
  return { sessionId: session.id, ...session.user };
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof loadSessionUser>>>;
