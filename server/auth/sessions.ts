import { prisma } from '../db';
import { now } from '../clock';
import { newId } from '../ids';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';

function sessionActor(userId: string, ip: string | null, userAgent: string | null, kind: 'user' | 'staff'): Actor {
  return { kind, userId, apiKeyId: null, impersonatorUserId: null, impersonationId: null, ip, userAgent, requestId: null };
}

export const SESSION_HOURS = 12;

/** Signing in opens a session row (audited); the JWT only carries its id. */
export async function openSession(userId: string, ip: string, userAgent: string) {
  const createdAt = now();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { staffRole: true } });
    const session = await tx.authSession.create({
      data: { id: newId('ses'), userId, ip, userAgent: userAgent.slice(0, 500), createdAt, expiresAt: new Date(createdAt.getTime() + SESSION_HOURS * 3_600_000) },
      select: { id: true, expiresAt: true },
    });
    await recordAudit(tx, sessionActor(userId, ip, userAgent, user.staffRole ? 'staff' : 'user'), {
      tenantId: null, action: 'auth.sign_in', targetType: 'auth_session', targetId: session.id, after: { expiresAt: session.expiresAt },
    });
    return session;
  });
}

export async function revokeSession(sessionId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const revoked = await tx.authSession.updateManyAndReturn({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: now() },
      select: { userId: true, ip: true, userAgent: true, revokedAt: true, user: { select: { staffRole: true } } },
    });
    const session = revoked[0];
    if (!session) return;
    await recordAudit(tx, sessionActor(session.userId, session.ip, session.userAgent, session.user.staffRole ? 'staff' : 'user'), {
      tenantId: null, action: 'auth.sign_out', targetType: 'auth_session', targetId: sessionId, before: { revokedAt: null }, after: { revokedAt: session.revokedAt },
    });
  });
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
