import { encode } from 'next-auth/jwt';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { seedApiKey, seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { bearer, callRoute, edgeHeaders } from '../../test/harness';
import { openSession } from '../auth/sessions';
import { prisma } from '../db';
import { createServiceCredential } from '../staff/service-credentials';
import { SYSTEM_ACTOR } from '../audit/actor';
import { FAILED_LOOKUPS_PER_IP, FAILED_LOOKUPS_PER_PREFIX } from './credentials';
import { f5Envelope, internalEnvelope } from './envelopes';
import { serviceRoute, tenantRoute } from './guard';

let seeded: SeededTenant;
let key: string;
beforeAll(async () => {
  seeded = await seedTestTenant('USD');
  ({ key } = await seedApiKey(seeded));
});
afterEach(() => vi.restoreAllMocks());

const readRoute = tenantRoute({ envelope: f5Envelope, scope: 'read' }, async ({ caller }) => ({ tenant: caller.scope.tenantId }));
const ask = (token: string, ip: string) => callRoute(readRoute, { path: '/x', headers: { ...bearer(token), ...edgeHeaders(ip) } });
const randomKey = () => `cfk_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}_${'a'.repeat(40)}`;

describe('failed API-key lookups are limited per client address and per key prefix, before the database', () => {
  it('after N failures from one address (malformed tokens count), even a valid key is 429 without a lookup', async () => {
    const ip = '10.77.0.1';
    for (let i = 0; i < FAILED_LOOKUPS_PER_IP; i++) {
      const res = await ask(i % 2 ? 'not-a-key' : randomKey(), ip);
      expect(res.status, `attempt ${i}`).toBe(401);
    }
    const lookups = vi.spyOn(prisma.apiKey, 'findUnique');
    const refused = await ask(key, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(lookups).not.toHaveBeenCalled();
    // another address is not affected
    expect((await ask(key, '10.77.0.2')).status).toBe(200);
  });

  it('after N failures for one prefix, that prefix is 429 from any address; other keys still work', async () => {
    const prefix = `cfk_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
    for (let i = 0; i < FAILED_LOOKUPS_PER_PREFIX; i++) {
      expect((await ask(`${prefix}_${String(i).padStart(40, 'b')}`, `10.78.0.${i + 1}`)).status).toBe(401);
    }
    const lookups = vi.spyOn(prisma.apiKey, 'findUnique');
    expect((await ask(`${prefix}_${'c'.repeat(40)}`, '10.78.1.1')).status).toBe(429);
    expect(lookups).not.toHaveBeenCalled();
    lookups.mockRestore();
    expect((await ask(key, '10.78.1.1')).status).toBe(200);
  });

  it('service credentials share the limit', async () => {
    const { token } = await createServiceCredential({ name: `svc-${crypto.randomUUID()}`, scopes: ['export:user-data'] }, SYSTEM_ACTOR);
    const route = serviceRoute({ envelope: internalEnvelope, scope: 'export:user-data' }, async () => ({ ok: true }));
    const ip = '10.79.0.1';
    for (let i = 0; i < FAILED_LOOKUPS_PER_IP; i++) {
      const res = await callRoute(route, { path: '/internal/x', headers: { ...bearer('cfs_malformed'), ...edgeHeaders(ip) } });
      expect(res.status).toBe(401);
    }
    const lookups = vi.spyOn(prisma.serviceCredential, 'findUnique');
    const res = await callRoute(route, { path: '/internal/x', headers: { ...bearer(token), ...edgeHeaders(ip) } });
    expect(res.status).toBe(429);
    expect(lookups).not.toHaveBeenCalled();
  });
});

describe('REST with the session cookie: state changes are same-origin only', () => {
  const COOKIE = 'authjs.session-token';
  async function sessionCookie(userId: string) {
    const session = await openSession(userId, '127.0.0.1', 'vitest');
    return `${COOKIE}=${await encode({ token: { sub: userId, sid: session.id }, secret: process.env.AUTH_SECRET!, salt: COOKIE })}`;
  }
  let runs = 0;
  const writeRoute = tenantRoute({ envelope: internalEnvelope, scope: 'write', body: z.strictObject({ name: z.string() }) }, async () => {
    runs += 1;
    return { ok: true };
  });
  const post = (headers: Record<string, string>) =>
    callRoute(writeRoute, { method: 'POST', path: '/api/x', headers: { host: 'localhost', 'x-counterfoil-tenant': seeded.tenant.id, ...headers }, body: { name: 'n' } });

  it('a cookie-authenticated POST from a foreign origin or a cross-site fetch is 403 CROSS_SITE_REQUEST; the handler never runs', async () => {
    const cookie = await sessionCookie(seeded.users.owner.id);
    runs = 0;
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }] as Record<string, string>[]) {
      const res = await post({ cookie, ...headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.text).toContain('cross-site');
    }
    expect(runs).toBe(0);
    expect((await post({ cookie, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await post({ cookie })).status).toBe(200);
    expect(runs).toBe(2);
  });

  it('API-key calls are not affected by Origin', async () => {
    const res = await post({ ...bearer(key), origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(200);
  });
});
