import { getTRPCErrorShape, TRPCError } from '@trpc/server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedTestTenant, seedUser, uniqueSuffix, type SeededTenant } from '../../prisma/seed/factories';
import { callerFor, edgeHeaders } from '../../test/harness';
import { loadSessionUser, openSession } from '../auth/sessions';
import { setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { AppError } from '../errors';
import { appRouter } from '../app-router';
import { buildContext } from './context';
import { createCallerFactory } from './init';
import { boundedTrpcRequest, jsonDeeperThan, MAX_BODY_BYTES, MAX_JSON_DEPTH } from './transport-limits';
import { trpcHttpHooks } from './http-hooks';
import { rateLimited } from '../platform/rate-limit';

const createCaller = createCallerFactory(appRouter);

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** What a client would receive for `error`, formatted by the router's own errorFormatter (isDev forced on). */
function shapeOf(error: TRPCError) {
  const config = { ...appRouter._def._config, isDev: true };
  return getTRPCErrorShape({ config, error, type: 'query', path: 'tenants.me', input: { secret: 'do-not-echo' }, ctx: undefined }) as {
    message: string;
    code: number;
    data: { code: string; httpStatus: number; reason?: string; fieldErrors?: { path: string; message: string }[]; stack?: string; path?: string };
  };
}

let seeded: SeededTenant;
beforeAll(async () => {
  seeded = await seedTestTenant('USD');
});
afterEach(() => useSystemClock());

describe('tRPC input: NUL and unpaired surrogates are refused with 400, never a 500', () => {
  it('refuses a NUL in a mutation input and creates nothing', async () => {
    const caller = await callerFor(seeded.users.owner.id, seeded.tenant.id);
    for (const name of ['nul\u0000byte', 'lone \ud800 surrogate']) {
      const error = await failure(caller.apiKeys.create({ name, scopes: ['read'] }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(shapeOf(error).data).toMatchObject({ httpStatus: 400, reason: 'INVALID_INPUT', fieldErrors: [{ path: 'name' }] });
    }
    expect(await prisma.apiKey.count({ where: { tenantId: seeded.tenant.id } })).toBe(0);
  });

  it('refuses a NUL in a query input (the staff search) and in an object key', async () => {
    const staff = await seedUser(`support-${uniqueSuffix()}@staff.test`, 'Support', { staffRole: 'support' });
    const caller = await callerFor(staff.id, null);
    expect((await failure(caller.staff.tenants({ search: 'a\u0000b' }))).code).toBe('BAD_REQUEST');
    expect((await failure(caller.staff.tenants({ search: 'ok', ['x\u0000']: 1 } as never))).code).toBe('BAD_REQUEST');
  });
});

describe('tRPC errors: a code, a message, a reason and field errors; nothing internal', () => {
  it('zod failures are "invalid input" with at most 20 field errors, no issue dump and no stack', async () => {
    const parsed = z.strictObject(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, z.string()]))).safeParse({});
    const shape = shapeOf(new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error }));
    expect(shape.message).toBe('invalid input');
    expect(shape.data.code).toBe('BAD_REQUEST');
    expect(shape.data.reason).toBe('INVALID_INPUT');
    expect(shape.data.fieldErrors).toHaveLength(20);
    expect(shape.data.fieldErrors![0]).toEqual({ path: 'f0', message: expect.any(String) });
    expect(shape.data.stack).toBeUndefined();
    expect(JSON.stringify(shape)).not.toContain('"expected"');
  });

  it('a real procedure with a bad input answers with field errors', async () => {
    const caller = await callerFor(seeded.users.owner.id, seeded.tenant.id);
    const error = await failure(caller.apiKeys.create({ name: '', scopes: ['nope'] } as never));
    const shape = shapeOf(error);
    expect(shape.message).toBe('invalid input');
    expect(shape.data.fieldErrors!.map((f) => f.path).sort()).toEqual(['name', 'scopes.0']);
  });

  it("tRPC's own parse errors are 'malformed request', whatever the underlying message", () => {
    for (const cause of [new RangeError('Maximum call stack size exceeded'), new TypeError("Cannot destructure property 'json' of 'e' as it is null"), new SyntaxError('Unexpected token')]) {
      const shape = shapeOf(new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause }));
      expect(shape.message).toBe('malformed request');
      expect(shape.data).toEqual({ code: 'BAD_REQUEST', httpStatus: 400, reason: 'MALFORMED_REQUEST' });
    }
    expect(shapeOf(new TRPCError({ code: 'PARSE_ERROR', message: 'Unexpected token } in JSON at position 3' })).message).toBe('malformed request');
    expect(shapeOf(new TRPCError({ code: 'NOT_FOUND', message: 'No procedure found on path "<script>"' })).message).not.toContain('script');
  });

  it('anything else is "internal error" with no stack, even in development; domain errors keep message and reason', () => {
    const internal = shapeOf(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new TypeError("Cannot read properties of undefined (reading 'id')") }));
    expect(internal).toEqual({ code: -32603, message: 'internal error', data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, reason: 'INTERNAL' } });
    const domain = shapeOf(new TRPCError({ code: 'CONFLICT', message: 'x', cause: new AppError('CONFLICT', 'KEY_NAME_TAKEN', 'that name is taken') }));
    expect(domain.message).toBe('that name is taken');
    expect(domain.data).toEqual({ code: 'CONFLICT', httpStatus: 409, reason: 'KEY_NAME_TAKEN' });
  });
});

describe('tRPC rate limit: the shared token bucket, per session', () => {
  it('answers TOO_MANY_REQUESTS past the burst, with the seconds to wait', async () => {
    setClock(new Date('2031-01-01T00:00:00Z'));
    const caller = await callerFor(seeded.users.viewer.id, seeded.tenant.id);
    const other = await callerFor(seeded.users.viewer.id, seeded.tenant.id); // another session of the same person
    const burst = Number(process.env.API_RATE_LIMIT_BURST ?? 120);
    for (let i = 0; i < burst; i++) await caller.tenants.me();
    const error = await failure(caller.tenants.me());
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.cause).toBeInstanceOf(AppError);
    expect((error.cause as AppError).details).toEqual([{ retry_after_seconds: 1 }]);
    expect(shapeOf(error).data).toMatchObject({ httpStatus: 429, reason: 'RATE_LIMITED' });
    await expect(other.tenants.me()).resolves.toBeTruthy();
  });
});

describe('tRPC mutations are same-origin only (CSRF in depth)', () => {
  async function callerWith(headers: Record<string, string>) {
    const session = await openSession(seeded.users.owner.id, '127.0.0.1', 'vitest');
    const user = (await loadSessionUser(session.id))!;
    const all = new Headers({ ...edgeHeaders('10.9.8.7'), host: 'portal.test', ...headers });
    return createCaller(buildContext(user, seeded.tenant.id, all, { url: 'http://portal.test/api/trpc/apiKeys.create' }));
  }

  it('refuses a foreign Origin or a cross-site Sec-Fetch-Site with 403 CROSS_SITE_REQUEST, creating nothing', async () => {
    const before = await prisma.apiKey.count({ where: { tenantId: seeded.tenant.id } });
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://portal.test.evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'http://portal.test' },
    ] as Record<string, string>[]) {
      const caller = await callerWith(headers);
      const error = await failure(caller.apiKeys.create({ name: 'csrf', scopes: ['read'] }));
      expect(error.code, JSON.stringify(headers)).toBe('FORBIDDEN');
      expect(shapeOf(error).data.reason).toBe('CROSS_SITE_REQUEST');
    }
    expect(await prisma.apiKey.count({ where: { tenantId: seeded.tenant.id } })).toBe(before);
  });

  it('accepts our own origin (http or https on our host) and requests without the headers; queries are not affected', async () => {
    for (const headers of [{ origin: 'http://portal.test', 'sec-fetch-site': 'same-origin' }, { origin: 'https://portal.test' }, {}] as Record<string, string>[]) {
      const caller = await callerWith(headers);
      await expect(caller.apiKeys.create({ name: 'ok', scopes: ['read'] }), JSON.stringify(headers)).resolves.toMatchObject({ key: expect.any(String) });
    }
    await expect((await callerWith({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).tenants.me()).resolves.toBeTruthy();
  });
});

describe('tRPC transport limits (before superjson sees the input)', () => {
  it('measures JSON nesting without parsing, ignoring brackets inside strings', () => {
    expect(jsonDeeperThan('[[[]]]', 3)).toBe(false);
    expect(jsonDeeperThan('[[[[]]]]', 3)).toBe(true);
    expect(jsonDeeperThan('{"a":"[[[[[[\\"[[["}', 1)).toBe(false);
    expect(jsonDeeperThan('['.repeat(100_000), MAX_JSON_DEPTH)).toBe(true);
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    new Request('http://portal.test/api/trpc/apiKeys.create', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('refuses a body over 1 MB with PAYLOAD_TOO_LARGE and deep JSON with BAD_REQUEST', async () => {
    const big = JSON.stringify({ json: { name: 'x'.repeat(MAX_BODY_BYTES) } });
    const tooLarge = await boundedTrpcRequest(post(big)).then(() => null, (e: unknown) => e);
    expect(tooLarge).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const deep = `{"json":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(await boundedTrpcRequest(post(deep)).then(() => null, (e: unknown) => e)).toMatchObject({ code: 'BAD_REQUEST' });
    const deepQuery = new Request(`http://portal.test/api/trpc/tenants.me?input=${encodeURIComponent('['.repeat(100))}`);
    expect(await boundedTrpcRequest(deepQuery).then(() => null, (e: unknown) => e)).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('passes an ordinary request through with the same body', async () => {
    const body = JSON.stringify({ json: { name: 'ok', scopes: ['read'] } });
    const request = await boundedTrpcRequest(post(body));
    expect(await request.json()).toEqual(JSON.parse(body));
    expect(request.headers.get('content-type')).toBe('application/json');
  });
});

describe('tRPC endpoint hooks: 500s logged once with the request id; trace headers on every response', () => {
  const meta = { ip: '10.0.0.1', userAgent: 'ua', requestId: '0b7c5d1e-9f1a-4c2b-8d3e-123456789abc' };

  it('logs an internal error once: request id, path, class, first stack line, never the input or message', () => {
    const lines: string[] = [];
    const hooks = trpcHttpHooks(meta, (line) => lines.push(line));
    const cause = new TypeError("Cannot read properties of undefined (reading 'password=hunter2')");
    hooks.onError({ error: new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause }), path: 'apiKeys.create' });
    hooks.onError({ error: new TRPCError({ code: 'BAD_REQUEST', message: 'bad' }), path: 'apiKeys.create' });
    hooks.onError({ error: new TRPCError({ code: 'TOO_MANY_REQUESTS', cause: rateLimited(3) }), path: 'tenants.me' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(meta.requestId);
    expect(lines[0]).toContain('apiKeys.create');
    expect(lines[0]).toContain('TypeError');
    expect(lines[0]).toContain('hardening.test.ts');
    expect(lines[0]).not.toContain('hunter2');
  });

  it('sets x-trace-id, x-request-id, no-store, and Retry-After when rate-limited', () => {
    const hooks = trpcHttpHooks(meta, () => {});
    const plain = hooks.responseMeta({ errors: [] }).headers;
    expect(Object.fromEntries(plain)).toEqual({ 'cache-control': 'no-store', 'x-request-id': meta.requestId, 'x-trace-id': meta.requestId });
    const limited = hooks.responseMeta({ errors: [new TRPCError({ code: 'TOO_MANY_REQUESTS', cause: rateLimited(7) })] }).headers;
    expect(limited.get('retry-after')).toBe('7');
  });
});
