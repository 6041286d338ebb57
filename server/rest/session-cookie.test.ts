import { encode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { openSession, revokeSession } from '../auth/sessions';
import { startSubscription } from '../subscriptions/start-subscription';
import { callRoute } from '../../test/harness';
import { GET as currentPlan } from '@/app/api/web/namespaces/[namespace]/usage_plans/current/route';

const COOKIE = 'authjs.session-token';

/** The cookie the portal sets after sign-in: a JWT (encrypted with AUTH_SECRET) carrying the session id. */
async function sessionCookie(userId: string) {
  const session = await openSession(userId, '127.0.0.1', 'vitest');
  const jwt = await encode({ token: { sub: userId, sid: session.id }, secret: process.env.AUTH_SECRET!, salt: COOKIE });
  return { sessionId: session.id, cookie: `${COOKIE}=${jwt}` };
}

const call = (cookie: string, tenant?: string) =>
  callRoute(currentPlan, {
    path: '/api/web/namespaces/system/usage_plans/current',
    params: { namespace: 'system' },
    headers: { cookie, ...(tenant ? { 'x-counterfoil-tenant': tenant } : {}) },
  });

describe('REST with the portal session cookie', () => {
  let a: SeededTenant;
  let b: SeededTenant;
  beforeAll(async () => {
    [a, b] = await Promise.all([seedTestTenant('CNY'), seedTestTenant('USD')]);
    await startSubscription({ tenantId: a.tenant.id, planCode: 'starter', adminUserId: a.users.owner.id }, a.ownerActor);
  });

  it('answers a signed-in member for the tenant named in the header', async () => {
    const { cookie } = await sessionCookie(a.users.viewer.id);
    const response = await call(cookie, a.tenant.id);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ locale: 'zh-cn', plans: [{ name: 'starter', current: true }] });
  });

  it('answers 404 for another tenant, exactly as for one that does not exist', async () => {
    const { cookie } = await sessionCookie(b.users.owner.id);
    const foreign = await call(cookie, a.tenant.id);
    const missing = await call(cookie, 'tnt_doesnotexist');
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe(missing.text);
    expect(foreign.text).not.toContain('starter');
  });

  it('answers 401 once the session is revoked, and for a forged cookie', async () => {
    const { cookie, sessionId } = await sessionCookie(a.users.owner.id);
    expect((await call(cookie, a.tenant.id)).status).toBe(200);
    await revokeSession(sessionId);
    expect((await call(cookie, a.tenant.id)).status).toBe(401);
    const forged = await encode({ token: { sid: sessionId }, secret: 'not-the-secret-not-the-secret-000', salt: COOKIE });
    expect((await call(`${COOKIE}=${forged}`, a.tenant.id)).status).toBe(401);
  });

  it('prefers a presented API key over the cookie: a bad key is 401 even with a good session', async () => {
    const { cookie } = await sessionCookie(a.users.owner.id);
    const response = await callRoute(currentPlan, {
      path: '/api/web/namespaces/system/usage_plans/current',
      params: { namespace: 'system' },
      headers: { cookie, 'x-counterfoil-tenant': a.tenant.id, authorization: 'Bearer cfk_bogus' },
    });
    expect(response.status).toBe(401);
  });
});
