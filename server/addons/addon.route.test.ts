import { readFileSync } from 'node:fs';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { POST as subscribe } from '@/app/api/web/namespaces/[namespace]/addon/subscribe/route';
import { POST as unsubscribe } from '@/app/api/web/namespaces/[namespace]/addon/unsubscribe/route';
import { seedApiKey, seedTestTenant, type SeededTenant } from '@/prisma/seed/factories';
import { openSession } from '@/server/auth/sessions';
import { now } from '@/server/clock';
import { prisma } from '@/server/db';
import { startSubscription } from '@/server/subscriptions/start-subscription';
import { bearer, callRoute } from '@/test/harness';

const SUBSCRIBE = '/api/web/namespaces/system/addon/subscribe';
const UNSUBSCRIBE = '/api/web/namespaces/system/addon/unsubscribe';

// F5's SubscribeResponse / UnsubscribeResponse schemas (f5-billing-schemas.json), held to "no other keys".
const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ['int32', 'int64', 'double', 'boolean', 'date-time', 'byte', 'uuid', 'hostname', 'email']) ajv.addFormat(format, true);
ajv.addSchema(JSON.parse(readFileSync(new URL('../../test/fixtures/f5-billing-schemas.json', import.meta.url), 'utf8')), 'f5');
const validators = {
  subscribe: ajv.compile({ allOf: [{ $ref: 'f5#/components/subscriptionSubscribeResponse' }], type: 'object', maxProperties: 0 }),
  unsubscribe: ajv.compile({ allOf: [{ $ref: 'f5#/components/subscriptionUnsubscribeResponse' }], type: 'object', maxProperties: 0 }),
  subscribeRequest: ajv.compile({ $ref: 'f5#/components/subscriptionSubscribeRequest' }),
};

type Tenant = { seeded: SeededTenant; key: string; readKey: string };
const tenants: string[] = [];

async function starter(currency: 'CNY' | 'USD'): Promise<Tenant> {
  const seeded = await seedTestTenant(currency);
  tenants.push(seeded.tenant.id);
  await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  return { seeded, key: (await seedApiKey(seeded, ['read', 'write'])).key, readKey: (await seedApiKey(seeded, ['read'], 'read-only')).key };
}

const post = (handler: typeof subscribe, path: string, headers: Record<string, string>, body: unknown, namespace = 'system') =>
  callRoute(handler, { method: 'POST', path: path.replace('/system/', `/${namespace}/`), params: { namespace }, headers, ...(typeof body === 'string' ? { rawBody: body } : { body }) });

const state = async (tenantId: string) => ({
  addOns: await prisma.subscriptionAddOn.findMany({ where: { tenantId }, select: { addOnCode: true, status: true }, orderBy: { addOnCode: 'asc' } }),
  records: await prisma.billingRecord.count({ where: { tenantId, type: 'addon' } }),
});

let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  [a, b] = await Promise.all([starter('CNY'), starter('USD')]);
});
afterAll(async () => {
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
});

describe('POST /api/web/namespaces/system/addon/subscribe and /unsubscribe (F5 ops 18–19)', () => {
  it('200 {} on subscribe and unsubscribe, valid against F5; the add-on is billed once, a repeat is a no-op', async () => {
    expect(validators.subscribeRequest({ advanced_mfa: {} })).toBe(true);
    const first = await post(subscribe, SUBSCRIBE, bearer(a.key), { advanced_mfa: {} });
    expect(first.status, first.text).toBe(200);
    expect(first.text).toBe('{}');
    expect(validators.subscribe(first.json), JSON.stringify(validators.subscribe.errors)).toBe(true);
    expect(validators.subscribe({ extra: 1 })).toBe(false); // the validator can fail
    const again = await post(subscribe, SUBSCRIBE, bearer(a.key), { advanced_mfa: {} });
    expect([again.status, again.text]).toEqual([200, '{}']);
    expect(await state(a.seeded.tenant.id)).toEqual({ addOns: [{ addOnCode: 'advanced_mfa', status: 'active' }], records: 1 });

    const off = await post(unsubscribe, UNSUBSCRIBE, bearer(a.key), { advanced_mfa: {} });
    expect([off.status, off.text]).toEqual([200, '{}']);
    expect(validators.unsubscribe(off.json)).toBe(true);
    expect(await state(a.seeded.tenant.id)).toEqual({ addOns: [{ addOnCode: 'advanced_mfa', status: 'canceled' }], records: 1 });
    expect(await prisma.auditLog.count({ where: { tenantId: a.seeded.tenant.id, action: { in: ['addon.subscribe', 'addon.unsubscribe'] }, actorKind: 'api_key' } })).toBe(2);
  });

  it('replays the first response for a repeated Idempotency-Key and refuses the key with another body (409)', async () => {
    const headers = { ...bearer(b.key), 'idempotency-key': `addon-${b.seeded.tenant.id}` };
    const first = await post(subscribe, SUBSCRIBE, headers, { audit_retention: {} });
    const replay = await post(subscribe, SUBSCRIBE, headers, { audit_retention: {} });
    expect([first.status, replay.status, replay.text]).toEqual([200, 200, '{}']);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await post(subscribe, SUBSCRIBE, headers, { advanced_mfa: {} })).status).toBe(409);
    expect(await state(b.seeded.tenant.id)).toEqual({ addOns: [{ addOnCode: 'audit_retention', status: 'active' }], records: 1 });
  });

  it('400 for zero or several keys, a value other than {}, a malformed or unknown name, or no JSON object; nothing changes', async () => {
    const before = await state(a.seeded.tenant.id);
    const bad: unknown[] = [{}, { advanced_mfa: {}, audit_retention: {} }, { advanced_mfa: { x: 1 } }, { advanced_mfa: true }, { 'Advanced-MFA': {} },
      { no_such_addon: {} }, [], 'null', '"advanced_mfa"', '{"advanced_mfa": {}'];
    for (const body of bad) {
      for (const [handler, path] of [[subscribe, SUBSCRIBE], [unsubscribe, UNSUBSCRIBE]] as const) {
        const res = await post(handler, path, bearer(a.key), body);
        expect(res.status, `${path} ${JSON.stringify(body)}: ${res.text}`).toBe(400);
        expect(typeof res.json, res.text).toBe('string'); // F5's error form: a bare JSON string
      }
    }
    expect(await state(a.seeded.tenant.id)).toEqual(before);
  });

  it('409 for an add-on the plan does not offer', async () => {
    const res = await post(subscribe, SUBSCRIBE, bearer(a.key), { premium_support: {} });
    expect(res.status, res.text).toBe(409);
  });

  it('401 without or with a bad credential; 403 for a read-only key and for a viewer’s session', async () => {
    expect((await post(subscribe, SUBSCRIBE, {}, { advanced_mfa: {} })).status).toBe(401);
    expect((await post(subscribe, SUBSCRIBE, bearer('cfk_notakeyatall_0000000000000000000000000000000000000000'), { advanced_mfa: {} })).status).toBe(401);
    const before = await state(a.seeded.tenant.id);
    const readOnly = await post(subscribe, SUBSCRIBE, bearer(a.readKey), { audit_retention: {} });
    expect(readOnly.status, readOnly.text).toBe(403);
    expect((await post(unsubscribe, UNSUBSCRIBE, bearer(a.readKey), { advanced_mfa: {} })).status).toBe(403);
    const session = await openSession(a.seeded.users.viewer.id, '127.0.0.1', 'vitest');
    const jwt = await encode({ token: { sub: a.seeded.users.viewer.id, sid: session.id }, secret: process.env.AUTH_SECRET!, salt: 'authjs.session-token' });
    const viewer = await post(subscribe, SUBSCRIBE, { cookie: `authjs.session-token=${jwt}`, 'x-counterfoil-tenant': a.seeded.tenant.id, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }, { audit_retention: {} });
    expect(viewer.status, viewer.text).toBe(403);
    expect(await state(a.seeded.tenant.id)).toEqual(before);
  });

  it('404 for a namespace other than system, including another tenant’s; differential isolation between tenants', async () => {
    const before = { a: await state(a.seeded.tenant.id), b: await state(b.seeded.tenant.id) };
    for (const namespace of ['web', 'nope']) {
      const res = await post(subscribe, SUBSCRIBE, bearer(a.key), { audit_retention: {} }, namespace);
      expect(res.status, `${namespace}: ${res.text}`).toBe(404);
    }
    // B subscribes with B's key: only B changes; A's key can never reach B's add-ons.
    expect((await post(subscribe, SUBSCRIBE, bearer(b.key), { advanced_mfa: {} })).status).toBe(200);
    expect(await state(a.seeded.tenant.id)).toEqual(before.a);
    const afterB = await state(b.seeded.tenant.id);
    expect(afterB.addOns).toEqual([{ addOnCode: 'advanced_mfa', status: 'active' }, { addOnCode: 'audit_retention', status: 'active' }]);
    expect((await post(unsubscribe, UNSUBSCRIBE, bearer(a.key), { audit_retention: {} })).status).toBe(200); // A has no audit_retention: a no-op for A
    expect(await state(b.seeded.tenant.id)).toEqual(afterB);
  });
});
