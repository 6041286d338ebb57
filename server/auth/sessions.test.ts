import { TRPCError } from '@trpc/server';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedTestTenant, seedUser, uniqueSuffix } from '../../prisma/seed/factories';
import { advanceClock, now, setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { buildContext } from '../trpc/context';
import { createCallerFactory } from '../trpc/init';
import { appRouter } from '../app-router';
import { hashPassword, verifyPassword } from './password';
import { loadSessionUser, openSession, revokeSession, SESSION_HOURS } from './sessions';

const HOUR = 3_600_000;

afterEach(() => {
  useSystemClock();
});

async function freshUser() {
  return seedUser(`session-${uniqueSuffix()}@sessions.test`, 'Session user');
}

describe('loadSessionUser: the database decides on every request', () => {
  it('returns the user for a fresh session', async () => {
    const user = await freshUser();
    const session = await openSession(user.id, '10.0.0.1', 'vitest');
    expect(session.expiresAt.getTime() - now().getTime()).toBeLessThanOrEqual(SESSION_HOURS * HOUR);
    const loaded = await loadSessionUser(session.id);
    expect(loaded).toMatchObject({ sessionId: session.id, id: user.id, email: user.email, status: 'active', staffRole: null });
  });

  it('returns null for an unknown session id', async () => {
    expect(await loadSessionUser(`ses_unknown${uniqueSuffix()}`)).toBeNull();
  });

  it('returns null after revokeSession, and only for that session', async () => {
    const user = await freshUser();
    const revoked = await openSession(user.id, '10.0.0.1', 'vitest');
    const other = await openSession(user.id, '10.0.0.1', 'vitest');
    await revokeSession(revoked.id);
    expect(await loadSessionUser(revoked.id)).toBeNull();
    expect(await loadSessionUser(other.id)).toMatchObject({ id: user.id });
    const row = await prisma.authSession.findUniqueOrThrow({ where: { id: revoked.id } });
    expect(row.revokedAt).not.toBeNull();
    await revokeSession(revoked.id); // revoking twice keeps the first revocation time
    expect((await prisma.authSession.findUniqueOrThrow({ where: { id: revoked.id } })).revokedAt).toEqual(row.revokedAt);
  });

  it('returns null once the user is disabled, and again when re-enabled', async () => {
    const user = await freshUser();
    const session = await openSession(user.id, '10.0.0.1', 'vitest');
    await prisma.user.update({ where: { id: user.id }, data: { status: 'disabled' } });
    expect(await loadSessionUser(session.id)).toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { status: 'active' } });
    expect(await loadSessionUser(session.id)).toMatchObject({ id: user.id });
  });

  it('returns null once SESSION_HOURS have passed', async () => {
    setClock(new Date('2026-03-15T10:00:00Z'));
    const user = await freshUser();
    const session = await openSession(user.id, '10.0.0.1', 'vitest');
    expect(session.expiresAt.toISOString()).toBe(new Date(Date.parse('2026-03-15T10:00:00Z') + SESSION_HOURS * HOUR).toISOString());
    advanceClock(SESSION_HOURS * HOUR - 1000);
    expect(await loadSessionUser(session.id)).toMatchObject({ id: user.id });
    advanceClock(1000); // exactly at expiresAt: already expired
    expect(await loadSessionUser(session.id)).toBeNull();
    advanceClock(HOUR);
    expect(await loadSessionUser(session.id)).toBeNull();
  });

  it('a tRPC caller whose session is revoked afterwards cannot be rebuilt: the next request is signed out', async () => {
    const seeded = await seedTestTenant('CNY');
    // Built like test/harness.ts callerFor, keeping the session id (the harness's `.sessionId` reads through the
    // caller proxy and yields a procedure function, not the id).
    const session = await openSession(seeded.users.owner.id, '10.1.2.3', 'vitest');
    const user = await loadSessionUser(session.id);
    const caller = createCallerFactory(appRouter)(buildContext(user, seeded.tenant.id));
    expect((await caller.tenants.overview()).tenant.id).toBe(seeded.tenant.id);
    await revokeSession(session.id);
    const rebuilt = await loadSessionUser(session.id);
    expect(rebuilt).toBeNull();
    const next = createCallerFactory(appRouter)(buildContext(rebuilt, seeded.tenant.id));
    const error = await next.tenants.overview().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('UNAUTHORIZED');
  });
});

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).toMatch(/\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'correct horse battery staple')).toBe(false);
    expect(await hashPassword('correct horse battery staple')).not.toBe(hash); // salted
  });

  it('never stores the seeded users’ plain password', async () => {
    const seeded = await seedTestTenant('USD');
    const ids = Object.values(seeded.users).map((u) => u.id);
    const rows = await prisma.user.findMany({ where: { id: { in: ids } }, select: { passwordHash: true } });
    expect(rows).toHaveLength(4);
    for (const { passwordHash } of rows) {
      expect(passwordHash).not.toBe(DEMO_PASSWORD);
      expect(passwordHash).not.toContain(DEMO_PASSWORD);
      expect(passwordHash.startsWith('$argon2id$')).toBe(true);
      expect(await verifyPassword(passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    expect(new Set(rows.map((r) => r.passwordHash)).size).toBe(4);
  });
});

describe('session audit', () => {
  it('writes one audit row on sign-in and one on sign-out, with who and from where', async () => {
    const user = await seedUser(`audit-${uniqueSuffix()}@example.test`, 'Audited');
    const session = await openSession(user.id, '10.9.8.7', 'audit-agent');
    await revokeSession(session.id);
    await revokeSession(session.id);
    const rows = await prisma.auditLog.findMany({ where: { targetId: session.id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => row.action)).toEqual(['auth.sign_in', 'auth.sign_out']);
    expect(rows.every((row) => row.actorUserId === user.id && row.ip === '10.9.8.7' && row.actorKind === 'user' && row.tenantId === null)).toBe(true);
  });
});
