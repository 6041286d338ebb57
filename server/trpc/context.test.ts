import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { seedTestTenant } from '../../prisma/seed/factories';
import { openSession, revokeSession } from '../auth/sessions';
import { prisma } from '../db';
import { createContext } from './context';

const COOKIE = 'authjs.session-token';

async function cookieFor(userId: string) {
  const session = await openSession(userId, '127.0.0.1', 'vitest');
  const jwt = await encode({ token: { sub: userId, sid: session.id }, secret: process.env.AUTH_SECRET!, salt: COOKIE });
  return { sessionId: session.id, cookie: `${COOKIE}=${jwt}` };
}

const contextFor = (cookie: string | null, tenant?: string) =>
  createContext({ req: new Request('http://localhost/api/trpc/usage.series', { headers: { ...(cookie ? { cookie } : {}), ...(tenant ? { 'x-counterfoil-tenant': tenant } : {}) } }) });

describe('tRPC context: the caller from the session cookie, checked against the database on every call', () => {
  it('a live session gives its user and the requested tenant; no cookie or a forged one gives nobody', async () => {
    const seeded = await seedTestTenant('CNY');
    const { cookie } = await cookieFor(seeded.users.billing.id);
    const context = await contextFor(cookie, seeded.tenant.id);
    expect(context.user).toMatchObject({ id: seeded.users.billing.id });
    expect(context.requestedTenantId).toBe(seeded.tenant.id);
    expect((await contextFor(null)).user).toBeNull();
    expect((await contextFor(`${COOKIE}=not-a-token`)).user).toBeNull();
  });

  it('a revoked session, or a disabled user, is nobody on the very next call', async () => {
    const seeded = await seedTestTenant('USD');
    const revoked = await cookieFor(seeded.users.viewer.id);
    expect((await contextFor(revoked.cookie)).user).not.toBeNull();
    await revokeSession(revoked.sessionId);
    expect((await contextFor(revoked.cookie)).user).toBeNull();

    const disabled = await cookieFor(seeded.users.admin.id);
    await prisma.user.update({ where: { id: seeded.users.admin.id }, data: { status: 'disabled' } });
    expect((await contextFor(disabled.cookie)).user).toBeNull();
  });
});
