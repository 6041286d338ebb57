import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { seedUser, uniqueSuffix } from '../../prisma/seed/factories';
import { prisma } from '../db';
import { handlers } from './next-auth';
import { openSession, revokeSession } from './sessions';

const COOKIE = 'authjs.session-token';

async function cookieFor(sid: string | undefined) {
  const token = await encode({ token: { sub: 'x', ...(sid ? { sid } : {}) }, secret: process.env.AUTH_SECRET!, salt: COOKIE });
  return `${COOKIE}=${token}`;
}

/** GET /api/auth/session through the real Auth.js route handler. */
async function getSession(cookie: string) {
  const response = await handlers.GET(new NextRequest('http://127.0.0.1:3000/api/auth/session', { headers: { cookie } }));
  const sessionCookies = response.headers.getSetCookie().filter((line) => line.startsWith(`${COOKIE}=`));
  return {
    body: await response.json(),
    renewed: sessionCookies.filter((line) => !line.startsWith(`${COOKIE}=;`)),
    cleared: sessionCookies.filter((line) => line.startsWith(`${COOKIE}=;`)),
  };
}

async function freshSession() {
  const user = await seedUser(`endpoint-${uniqueSuffix()}@sessions.test`, 'Endpoint');
  const session = await openSession(user.id, '10.0.0.1', 'vitest');
  return { user, session, cookie: await cookieFor(session.id) };
}

describe('/api/auth/session asks the database', () => {
  it('answers the session and renews the cookie while the database session is live', async () => {
    const { user, session, cookie } = await freshSession();
    const result = await getSession(cookie);
    expect(result.body).toMatchObject({ sessionId: session.id, viewer: { id: user.id, sessionId: session.id, status: 'active' } });
    expect(result.renewed).toHaveLength(1);
    expect(result.cleared).toHaveLength(0);
  });

  it('answers null and clears the cookie once the session is revoked (signed out)', async () => {
    const { session, cookie } = await freshSession();
    await revokeSession(session.id);
    const result = await getSession(cookie);
    expect(result.body).toBeNull();
    expect(result.renewed).toHaveLength(0);
    expect(result.cleared).toHaveLength(1);
  });

  it('answers null once the user is disabled, or the session has expired', async () => {
    const disabled = await freshSession();
    await prisma.user.update({ where: { id: disabled.user.id }, data: { status: 'disabled' } });
    expect((await getSession(disabled.cookie)).body).toBeNull();
    const expired = await freshSession();
    await prisma.authSession.update({ where: { id: expired.session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const result = await getSession(expired.cookie);
    expect(result.body).toBeNull();
    expect(result.renewed).toHaveLength(0);
  });

  it('answers null for a token without a session id or with an unknown one', async () => {
    expect((await getSession(await cookieFor(undefined))).body).toBeNull();
    const unknown = await getSession(await cookieFor(`ses_unknown${uniqueSuffix()}`));
    expect(unknown.body).toBeNull();
    expect(unknown.renewed).toHaveLength(0);
  });
});
