import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { serviceRoute, tenantRoute } from './guard';
import { f5Envelope, internalEnvelope, recordsEnvelope } from './envelopes';
import { createServiceCredential } from '../staff/service-credentials';
import { SYSTEM_ACTOR } from '../audit/actor';
import { prisma } from '../db';
import { seedApiKey, seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { bearer, callRoute } from '../../test/harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isIso = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

let a: SeededTenant;
let b: SeededTenant;
let keyA: string;
let keyB: string;
beforeAll(async () => {
  [a, b] = await Promise.all([seedTestTenant('CNY'), seedTestTenant('USD')]);
  [{ key: keyA }, { key: keyB }] = await Promise.all([seedApiKey(a), seedApiKey(b)]);
});

describe('tenantRoute: API key checks', () => {
  const route = tenantRoute({ envelope: f5Envelope, scope: 'read' }, async ({ caller }) => ({ tenant: caller.scope.tenantId }));
  const ask = (headers: Record<string, string>) => callRoute(route, { path: '/x', headers });

  it('a key is accepted in any of its three header forms, scheme case-insensitive', async () => {
    for (const headers of [bearer(keyA), { authorization: `bearer ${keyA}` }, { authorization: `APIToken ${keyA}` }, { 'df-api-key': keyA }]) {
      const res = await ask(headers);
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(res.json).toEqual({ tenant: a.tenant.id });
    }
  });

  it('401 for a tampered secret, an expired key and a key of a closed tenant', async () => {
    const tampered = keyA.slice(0, -1) + (keyA.endsWith('a') ? 'b' : 'a');
    const expired = await seedApiKey(a, ['read'], 'expired');
    await prisma.apiKey.update({ where: { tenantId_id: { tenantId: a.tenant.id, id: expired.apiKey.id } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const closed = await seedTestTenant('USD');
    const closedKey = await seedApiKey(closed, ['read']);
    await prisma.tenant.update({ where: { id: closed.tenant.id }, data: { status: 'closed' } });
    for (const token of [tampered, expired.key, closedKey.key, `${keyA} extra`, keyA.toUpperCase()]) {
      const res = await ask(bearer(token));
      expect(res.status, token).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
    }
  });
});

describe('tenantRoute: the response', () => {
  const response = z.object({ id: z.string(), amount: z.number() });
  const handler = async () => ({ amount: 1, id: 'x', internal: 'kept off the wire' });

  it('is the response schema’s parse of the result: unknown fields never reach the wire, keys in schema order', async () => {
    const res = await callRoute(tenantRoute({ envelope: f5Envelope, scope: 'read', response }, handler), { path: '/x', headers: bearer(keyA) });
    expect(res.text).toBe('{"id":"x","amount":1}');
  });

  it('a result the schema refuses is a 500 that shows none of it', async () => {
    const wrong = tenantRoute({ envelope: f5Envelope, scope: 'read', response }, async () => ({ id: 'x', amount: 'secret-ish' }));
    const res = await callRoute(wrong, { path: '/x', headers: bearer(keyA) });
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('secret-ish');
  });

  it('exactResponse writes the result as built (for handlers whose tests prove the parse would change nothing)', async () => {
    const res = await callRoute(tenantRoute({ envelope: f5Envelope, scope: 'read', response, exactResponse: true }, handler), { path: '/x', headers: bearer(keyA) });
    expect(res.text).toBe('{"amount":1,"id":"x","internal":"kept off the wire"}');
  });
});

describe('tenantRoute: input validation', () => {
  const listRoute = tenantRoute(
    { envelope: recordsEnvelope, scope: 'read', query: z.strictObject({ page: z.coerce.number().int().min(1).default(1) }) },
    async ({ query }) => ({ items: [], page: query.page }),
  );
  const createRoute = tenantRoute(
    { envelope: internalEnvelope, scope: 'write', body: z.strictObject({ name: z.string().min(1) }) },
    async ({ body }) => ({ created: body.name }),
  );
  const f5Route = tenantRoute({ envelope: f5Envelope, scope: 'write', body: z.strictObject({ namespace: z.string() }) }, async () => ({}));

  it('a valid query reaches the handler and is wrapped in the envelope', async () => {
    const res = await callRoute(listRoute, { path: '/x?page=3', headers: bearer(keyA) });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ code: 200, message: 'ok', items: [], page: 3 });
    expect(isIso((res.json as { timestamp: string }).timestamp)).toBe(true);
  });

  it('a bad or unknown query parameter is 400 in the records envelope', async () => {
    for (const query of ['?page=0', '?page=abc', '?page=1&page=2', '?other=1']) {
      const res = await callRoute(listRoute, { path: `/x${query}`, headers: bearer(keyA) });
      expect(res.status, query).toBe(400);
      const body = res.json as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['code', 'message', 'timestamp']);
      expect(body.code).toBe(400);
      expect(body.message).toMatch(/^invalid query parameters: /);
    }
  });

  it('a body failing its schema is 400 in the internal envelope, data null', async () => {
    for (const body of [{ name: 1 }, { name: 'x', extra: true }, {}, [], 'name']) {
      const res = await callRoute(createRoute, { method: 'POST', path: '/x', headers: bearer(keyA), body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json).toMatchObject({ code: 400, data: null, message: expect.stringMatching(/^invalid request body: /) });
    }
    const ok = await callRoute(createRoute, { method: 'POST', path: '/x', headers: bearer(keyA), body: { name: 'n' } });
    expect(ok.json).toMatchObject({ code: 200, message: 'ok', data: { created: 'n' } });
  });

  it('invalid JSON and an empty body are 400, never 500', async () => {
    for (const rawBody of ['{"name": ', '{name: "x"}', 'nul', '\u0000', '']) {
      const res = await callRoute(createRoute, { method: 'POST', path: '/x', headers: bearer(keyA), rawBody });
      expect(res.status, JSON.stringify(rawBody)).toBe(400);
      expect((res.json as { code: number }).code).toBe(400);
    }
    const f5 = await callRoute(f5Route, { method: 'POST', path: '/x', headers: bearer(keyA), rawBody: '{' });
    expect(f5.status).toBe(400);
    expect(f5.json).toBe('request body is not valid JSON');
  });
});

describe('tenantRoute: internal errors', () => {
  it('a plain Error is 500 "internal error" with nothing of the message or stack', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const secret = 'connection to db-7.internal:5432 failed for user=billing password=hunter2';
      for (const envelope of [f5Envelope, recordsEnvelope, internalEnvelope]) {
        const route = tenantRoute({ envelope, scope: 'read' }, async () => { throw new Error(secret); });
        const res = await callRoute(route, { path: '/x', headers: bearer(keyA) });
        expect(res.status).toBe(500);
        expect(res.text).not.toMatch(/hunter2|db-7|Error|at |\.ts/);
        if (envelope === f5Envelope) expect(res.json).toBe('internal error');
        else expect((res.json as { message: string }).message).toBe('internal error');
      }
      // the log line carries the trace id and error class, not the message
      for (const call of quiet.mock.calls) expect(call.join(' ')).not.toContain('hunter2');
    } finally {
      quiet.mockRestore();
    }
  });
});

describe('tenantRoute: tenantParam', () => {
  it("another tenant's id is 404 and the handler never runs; the own id is 200", async () => {
    let calls = 0;
    const route = tenantRoute({ envelope: recordsEnvelope, scope: 'read', tenantParam: 'tenant_id' }, async () => { calls += 1; return { items: [] }; });
    for (const tenantId of [b.tenant.id, 'tnt_doesnotexist', '']) {
      const res = await callRoute(route, { path: `/billing/records/${tenantId}`, params: { tenant_id: tenantId }, headers: bearer(keyA) });
      expect(res.status, tenantId).toBe(404);
      expect(res.json).toMatchObject({ code: 404, message: 'tenant not found' });
    }
    expect(calls).toBe(0);
    const own = await callRoute(route, { path: `/billing/records/${a.tenant.id}`, params: { tenant_id: a.tenant.id }, headers: bearer(keyA) });
    expect(own.status).toBe(200);
    expect(calls).toBe(1);
  });
});

describe('tenantRoute: Idempotency-Key', () => {
  function countingRoute(options: { delayMs?: number; failFirst?: boolean } = {}) {
    const state = { calls: 0 };
    const route = tenantRoute(
      { envelope: f5Envelope, scope: 'write', idempotent: true, body: z.strictObject({ amount: z.string() }) },
      async ({ body }) => {
        state.calls += 1;
        if (options.delayMs) await sleep(options.delayMs);
        if (options.failFirst && state.calls === 1) throw new Error('transient');
        return { id: randomUUID(), amount: body.amount, call: state.calls };
      },
    );
    return { route, state };
  }
  const post = (route: ReturnType<typeof tenantRoute>, key: string, idem: string, body: unknown, path = '/charges') =>
    callRoute(route, { method: 'POST', path, headers: { ...bearer(key), 'idempotency-key': idem }, body });

  it('the same key and body replays the first response byte for byte; the handler ran once', async () => {
    const { route, state } = countingRoute();
    const idem = `idem-${randomUUID()}`;
    const first = await post(route, keyA, idem, { amount: '10.00' });
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    for (let i = 0; i < 3; i += 1) {
      const again = await post(route, keyA, idem, { amount: '10.00' });
      expect(again.status).toBe(200);
      expect(again.text).toBe(first.text);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    }
    expect(state.calls).toBe(1);
  });

  it('the same key with another body or another path is 409; the handler does not run again', async () => {
    const { route, state } = countingRoute();
    const idem = `idem-${randomUUID()}`;
    await post(route, keyA, idem, { amount: '10.00' });
    const other = await post(route, keyA, idem, { amount: '99.00' });
    expect(other.status).toBe(409);
    expect(typeof other.json).toBe('string');
    expect(other.json).toContain('different request');
    expect((await post(route, keyA, idem, { amount: '10.00' }, '/charges?x=1')).status).toBe(409);
    expect(state.calls).toBe(1);
  });

  it('the same key from another tenant is independent', async () => {
    const { route, state } = countingRoute();
    const idem = `idem-${randomUUID()}`;
    const fromA = await post(route, keyA, idem, { amount: '10.00' });
    const fromB = await post(route, keyB, idem, { amount: '10.00' });
    expect(fromA.status).toBe(200);
    expect(fromB.status).toBe(200);
    expect(fromB.headers.get('idempotent-replayed')).toBeNull();
    expect(fromB.text).not.toBe(fromA.text);
    expect(state.calls).toBe(2);
  });

  it('a 5xx answer releases the key so that a retry runs', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { route, state } = countingRoute({ failFirst: true });
      const idem = `idem-${randomUUID()}`;
      const failed = await post(route, keyA, idem, { amount: '10.00' });
      expect(failed.status).toBe(500);
      const retry = await post(route, keyA, idem, { amount: '10.00' });
      expect(retry.status).toBe(200);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      expect((retry.json as { call: number }).call).toBe(2);
      const replay = await post(route, keyA, idem, { amount: '10.00' });
      expect(replay.text).toBe(retry.text);
      expect(state.calls).toBe(2);
    } finally {
      quiet.mockRestore();
    }
  });

  it('a malformed Idempotency-Key is 400', async () => {
    const { route, state } = countingRoute();
    for (const idem of ['x'.repeat(256), 'has space', 'clé']) {
      const res = await post(route, keyA, idem, { amount: '1' });
      expect(res.status, idem).toBe(400);
    }
    expect(state.calls).toBe(0);
  });

  it('20 concurrent requests with one key: the handler runs once, the rest replay or get 409, none 500', async () => {
    const { route, state } = countingRoute({ delayMs: 150 });
    const idem = `idem-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => post(route, keyA, idem, { amount: '10.00' })));
    expect(state.calls).toBe(1);
    const fresh = results.filter((r) => r.status === 200 && r.headers.get('idempotent-replayed') === null);
    expect(fresh).toHaveLength(1);
    for (const res of results) {
      expect(res.status, res.text).not.toBeGreaterThanOrEqual(500);
      if (res === fresh[0]) continue;
      if (res.status === 200) {
        expect(res.headers.get('idempotent-replayed')).toBe('true');
        expect(res.text).toBe(fresh[0]!.text);
      } else {
        expect(res.status).toBe(409);
        expect(res.json).toContain('still in progress');
      }
    }
    const later = await post(route, keyA, idem, { amount: '10.00' });
    expect(later.text).toBe(fresh[0]!.text);
    expect(state.calls).toBe(1);
  });
});

describe('serviceRoute', () => {
  let calls = 0;
  const route = serviceRoute({ envelope: internalEnvelope, scope: 'export:user-data', body: z.strictObject({ user_id: z.string() }) }, async ({ body, credentialId }) => {
    calls += 1;
    return { user_id: body.user_id, credential: credentialId };
  });
  const call = (headers: Record<string, string>) => callRoute(route, { method: 'POST', path: '/internal/billing/export-user-data', headers, body: { user_id: 'usr_x' } });

  it('401 without a credential and for an unknown or revoked service token, 403 for a tenant API key', async () => {
    const { token, credential } = await createServiceCredential({ name: `revoked-${randomUUID()}`, scopes: ['export:user-data'] }, SYSTEM_ACTOR);
    await prisma.serviceCredential.update({ where: { id: credential.id }, data: { revokedAt: new Date() } });
    const unknown = `cfs_${'a'.repeat(12)}_${'b'.repeat(40)}`;
    const before = calls;
    for (const [headers, status] of [[{}, 401], [bearer(unknown), 401], [bearer(token), 401], [bearer('cfs_short'), 401], [bearer(keyA), 403], [{ 'df-api-key': keyA }, 403]] as const) {
      const res = await call(headers);
      expect(res.status, JSON.stringify(headers)).toBe(status);
      expect(res.json).toMatchObject({ code: status, data: null, message: expect.any(String) });
      expect(isIso((res.json as { timestamp: string }).timestamp)).toBe(true);
    }
    expect(calls).toBe(before);
  });

  it('a valid service credential gets 200 with {code, message, timestamp, data}', async () => {
    const { token, credential } = await createServiceCredential({ name: `valid-${randomUUID()}`, scopes: ['export:user-data'] }, SYSTEM_ACTOR);
    for (const headers of [bearer(token), { authorization: `APIToken ${token}` }, { 'df-api-key': token }]) {
      const res = await call(headers);
      expect(res.status, res.text).toBe(200);
      const body = res.json as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['code', 'data', 'message', 'timestamp']);
      expect(body).toMatchObject({ code: 200, message: 'ok', data: { user_id: 'usr_x', credential: credential.id } });
      expect(isIso(body.timestamp)).toBe(true);
    }
  });

  it('a service credential without the route scope is 403', async () => {
    const { token } = await createServiceCredential({ name: `other-${randomUUID()}`, scopes: ['export:user-data'] }, SYSTEM_ACTOR);
    const otherScope = serviceRoute({ envelope: internalEnvelope, scope: 'something:else' }, async () => ({}));
    const res = await callRoute(otherScope, { path: '/internal/x', headers: bearer(token) });
    expect(res.status).toBe(403);
  });
});
