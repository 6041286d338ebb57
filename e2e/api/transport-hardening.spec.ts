import { randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { demoCredentials, requestFrom, signIn } from '../helpers';

/**
 * Transport hardening against the production server: tRPC batch, size, depth and rate limits,
 * input that used to be a 500, what error bodies may say, CSRF on cookie-authenticated mutations,
 * prototype names in REST queries and the failed-credential limit. Tests that depend on the client
 * address send from their own loopback address (127.0.20.x), so they starve no other spec.
 */

const INTERNALS = /Maximum call stack|Cannot destructure|Cannot read prop|"stack"|at [\w.<>]+ \(|\.ts:\d+|node_modules|ZodError|"expected"/;

type TrpcError = { message: string; code: number; data: { code: string; httpStatus: number; reason?: string; fieldErrors?: { path: string; message: string }[] } };
function trpcError(body: string): TrpcError {
  const parsed = JSON.parse(body) as { error?: { json?: TrpcError } } | { error?: { json?: TrpcError } }[];
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  expect(first?.error?.json, body.slice(0, 300)).toBeTruthy();
  return first!.error!.json!;
}

const createKey = (request: APIRequestContext, body: string, headers: Record<string, string> = {}) =>
  request.post('/api/trpc/apiKeys.create', { headers: { 'content-type': 'application/json', 'x-counterfoil-tenant': 'tnt_demo', ...headers }, data: body });

async function keyNames(request: APIRequestContext): Promise<string[]> {
  const response = await request.get('/api/trpc/apiKeys.list', { headers: { 'x-counterfoil-tenant': 'tnt_demo' } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { json: { name: string }[] } } }).result.data.json.map((key) => key.name);
}

async function expectClean(response: APIResponse, status: number) {
  const text = await response.text();
  expect(response.status(), text.slice(0, 300)).toBe(status);
  expect(text).not.toMatch(INTERNALS);
  return trpcError(text);
}

test('a tRPC batch of 400 calls is refused with 400 in the tRPC error form; 20 are served', async ({ request }) => {
  const batch = (n: number) => `/api/trpc/${Array.from({ length: n }, () => 'tenants.me').join(',')}?batch=1&input=${encodeURIComponent('{}')}`;
  const big = await request.get(batch(400));
  const error = await expectClean(big, 400);
  expect(error.data.code).toBe('BAD_REQUEST');
  expect(error.data.httpStatus).toBe(400);
  expect((await big.text()).length).toBeLessThan(2_000);
  // 20 calls are answered call by call (signed out: each one 401), not refused as a whole
  const twenty = await request.get(batch(20));
  const answers = (await twenty.json()) as unknown[];
  expect(answers).toHaveLength(20);
});

test('tRPC responses carry a request id and no-store', async ({ request }) => {
  const response = await request.get('/api/trpc/tenants.me');
  expect(response.status()).toBe(401);
  const headers = response.headers();
  expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(headers['x-trace-id']).toBe(headers['x-request-id']);
  expect(headers['cache-control']).toContain('no-store');
});

test('tRPC is rate-limited per session: 429 TOO_MANY_REQUESTS with Retry-After; another session is unaffected', async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage({ storageState: undefined });
  try {
    await signIn(first, 'viewer@acme.counterfoil.dev');
    let limited: APIResponse | null = null;
    for (let i = 0; i < 400 && !limited; i++) {
      const response = await first.request.get('/api/trpc/tenants.me');
      if (response.status() === 429) limited = response;
      else expect(response.status()).toBe(200);
    }
    expect(limited, 'no 429 within 400 calls').not.toBeNull();
    expect(Number(limited!.headers()['retry-after'])).toBeGreaterThan(0);
    const error = await expectClean(limited!, 429);
    expect(error.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
    await signIn(second, 'billing@acme.counterfoil.dev');
    expect((await second.request.get('/api/trpc/tenants.me')).status()).toBe(200);
  } finally {
    await first.close();
    await second.close();
  }
});

test('tRPC signed out is rate-limited per client address', async () => {
  const from = '127.0.20.4';
  let status = 0;
  let retryAfter: unknown;
  for (let i = 0; i < 400 && status !== 429; i++) {
    const response = await requestFrom(from, { path: '/api/trpc/tenants.me' });
    status = response.status;
    retryAfter = response.headers['retry-after'];
    if (status !== 429) expect(status).toBe(401);
  }
  expect(status).toBe(429);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  // another address is still answered
  expect((await requestFrom('127.0.20.5', { path: '/api/trpc/tenants.me' })).status).toBe(401);
});

test.describe('signed in as the demo owner', () => {
  test('bad input is 400 (never 500) and error bodies hold no internals', async ({ page }) => {
    await signIn(page, 'owner@demo.counterfoil.dev');
    const request = page.request;
    const before = await keyNames(request);

    const nul = await expectClean(await createKey(request, '{"json":{"name":"nul\\u0000byte","scopes":["read"]}}'), 400);
    expect(nul.data).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: [{ path: 'name' }] });
    await expectClean(await createKey(request, '{"json":{"name":"lone \\ud800","scopes":["read"]}}'), 400);
    const nulQuery = await request.get(`/api/trpc/staff.tenants?input=${encodeURIComponent('{"json":{"search":"a\\u0000"}}')}`);
    expect(nulQuery.status()).not.toBe(500);

    const invalid = await expectClean(await createKey(request, '{"json":{"name":"","scopes":["everything"]}}'), 400);
    expect(invalid.message).toBe('invalid input');
    expect(invalid.data.fieldErrors?.map((f) => f.path).sort()).toEqual(['name', 'scopes.0']);

    for (const body of ['null', '{', '{"json":{"name":"x"},"meta":{"values":{"name":["bogus-type"]}}}', `{"json":${'['.repeat(20_000)}${']'.repeat(20_000)}}`]) {
      const response = await createKey(request, body);
      expect(response.status(), body.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(response.status(), body.slice(0, 40)).toBeLessThan(500);
      const error = await expectClean(response, response.status());
      expect(['malformed request', 'invalid input']).toContain(error.message);
    }
    const huge = await createKey(request, JSON.stringify({ json: { name: 'x'.repeat(1_100_000), scopes: ['read'] } }));
    expect(huge.status()).toBe(413);

    expect(await keyNames(request)).toEqual(before);
  });

  test('a cookie-authenticated mutation from a foreign origin is 403 and creates nothing', async ({ page, baseURL }) => {
    await signIn(page, 'owner@demo.counterfoil.dev');
    const request = page.request;
    const name = `csrf-${randomBytes(4).toString('hex')}`;
    const body = JSON.stringify({ json: { name, scopes: ['read'] } });
    for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }] as Record<string, string>[]) {
      const error = await expectClean(await createKey(request, body, headers), 403);
      expect(error.data).toMatchObject({ code: 'FORBIDDEN', reason: 'CROSS_SITE_REQUEST' });
    }
    expect(await keyNames(request)).not.toContain(name);

    // the portal's own origin works (and the key is revoked again)
    const own = await createKey(request, body, { origin: new URL(baseURL!).origin, 'sec-fetch-site': 'same-origin' });
    expect(own.status()).toBe(200);
    const created = ((await own.json()) as { result: { data: { json: { apiKey: { id: string } } } } }).result.data.json.apiKey;
    const revoke = await request.post('/api/trpc/apiKeys.revoke', {
      headers: { 'content-type': 'application/json', 'x-counterfoil-tenant': 'tnt_demo', origin: new URL(baseURL!).origin },
      data: JSON.stringify({ json: { id: created.id } }),
    });
    expect(revoke.status()).toBe(200);
  });
});

const currentPlan = (query: string, request: APIRequestContext) =>
  request.get(`/api/web/namespaces/system/usage_plans/current${query}`, { headers: { Authorization: `Bearer ${demoCredentials().apiKeys.tnt_demo!}` } });

test('REST: constructor, prototype and other unknown parameters are 400', async ({ request }) => {
  for (const query of ['?constructor=1', '?prototype=1', '?other=1']) expect((await currentPlan(query, request)).status(), query).toBe(400);
  expect((await currentPlan('', request)).status()).toBe(200);
});

// Next rebuilds the request URL from a query object filled with `query[key] = value`, where
// `__proto__` would vanish before the route's check; the edge refuses it (server/edge/edge.ts),
// and queryObject (server/rest/parse.ts) refuses it whenever it does see it.
test('REST: ?__proto__=1 is an unknown parameter (400), in F5’s error form', async ({ request }) => {
  const response = await currentPlan('?__proto__=1', request);
  expect(response.status()).toBe(400);
  expect(await response.json()).toBe('unknown query parameter "__proto__"');
});

test('REST: failed API-key lookups are limited per key prefix and per address, then 429 even for a valid key', async () => {
  const { apiKeys } = demoCredentials();
  const path = '/api/web/namespaces/system/usage_plans/current';
  // per prefix: one made-up prefix, tried from one address
  const prefix = `cfk_${randomBytes(6).toString('hex')}`;
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const response = await requestFrom('127.0.20.2', { path, headers: { authorization: `Bearer ${prefix}_${String(i).padStart(40, '0')}` } });
    statuses.push(response.status);
  }
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
  expect(statuses.slice(10)).toEqual([429, 429]);

  // per address: malformed tokens count; afterwards the demo key is refused from that address only
  const from = '127.0.20.3';
  let refused = 0;
  for (let i = 0; i < 40 && refused === 0; i++) {
    const response = await requestFrom(from, { path, headers: { authorization: `Bearer not-a-key-${i}` } });
    if (response.status === 429) refused = i;
    else expect(response.status).toBe(401);
  }
  expect(refused).toBeGreaterThan(0);
  const valid = await requestFrom(from, { path, headers: { authorization: `Bearer ${apiKeys.tnt_demo!}` } });
  expect(valid.status).toBe(429);
  expect(Number(valid.headers['retry-after'])).toBeGreaterThan(0);
  expect((await requestFrom('127.0.20.6', { path, headers: { authorization: `Bearer ${apiKeys.tnt_demo!}` } })).status).toBe(200);
});
