import { expect, test } from '@playwright/test';
import pg from 'pg';
import { e2eDatabaseUrl, requestFrom, signIn } from '../helpers';

/**
 * What the edge server (server/edge) decides before any route runs: the client address, the
 * request id, security headers, and the requests no route should see. The e2e server trusts
 * 127.0.0.3 as a proxy (playwright.config.ts); every other address is a direct client.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('TRACE and invented methods get 405 with Allow, in the path’s error form', async () => {
  const api = await requestFrom('127.0.0.1', { method: 'TRACE', path: '/api/web/namespaces/system/usage_plans/current' });
  expect(api.status).toBe(405);
  expect(api.headers.allow).toContain('GET');
  expect(typeof JSON.parse(api.body)).toBe('string'); // F5's bare-string error
  const page = await requestFrom('127.0.0.1', { method: 'TRACE', path: '/sign-in' });
  expect(page.status).toBe(405);
  const trpc = await requestFrom('127.0.0.1', { method: 'PROPFIND', path: '/api/trpc/tenants.me' });
  expect(trpc.status).toBe(405);
  expect(JSON.parse(trpc.body).error.json.data).toMatchObject({ code: 'METHOD_NOT_SUPPORTED', httpStatus: 405 });
});

test('malformed percent-encoding in a path is a 400 in the right form, never a 500', async () => {
  const f5 = await requestFrom('127.0.0.1', { path: '/api/web/namespaces/%ff/usage_plans/current' });
  expect(f5.status).toBe(400);
  expect(JSON.parse(f5.body)).toBe('the request path is not valid percent-encoded UTF-8');
  const page = await requestFrom('127.0.0.1', { path: '/t/%ff' });
  expect(page.status).toBe(400);
  expect(page.body).not.toMatch(/stack|at \w+ \(/i);
  const trpc = await requestFrom('127.0.0.1', { path: '/api/trpc/%ff' });
  expect(trpc.status).toBe(400);
  expect(JSON.parse(trpc.body).error.json).toMatchObject({ message: 'the request path is not valid percent-encoded UTF-8', data: { code: 'BAD_REQUEST', httpStatus: 400 } });
  const nul = await requestFrom('127.0.0.1', { path: '/t/%00' });
  expect(nul.status).toBe(400);
  const seed001 = await requestFrom('127.0.0.1', { path: '/billing/records/%c3%28' });
  expect(seed001.status).toBe(400);
  expect(JSON.parse(seed001.body)).toMatchObject({ code: 400, message: expect.stringContaining('percent-encoded') });
});

test('pages carry a nonce CSP that forbids framing, plus nosniff and a referrer policy; no HSTS over plain HTTP', async () => {
  const page = await requestFrom('127.0.0.1', { path: '/sign-in' });
  expect(page.status).toBe(200);
  const csp = String(page.headers['content-security-policy']);
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).not.toContain("'unsafe-eval'");
  // Every script Next wrote carries this response's nonce.
  const scripts = [...page.body.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
  expect(page.headers['x-content-type-options']).toBe('nosniff');
  expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(page.headers['x-frame-options']).toBe('DENY');
  expect(page.headers['strict-transport-security']).toBeUndefined();
  const again = await requestFrom('127.0.0.1', { path: '/sign-in' });
  expect(String(again.headers['content-security-policy'])).not.toContain(`'nonce-${nonce}'`); // fresh per response
});

test('API answers are no-store, nosniff and unframeable, even when refused', async () => {
  const api = await requestFrom('127.0.0.1', { path: '/api/web/namespaces/system/usage_plans/current' });
  expect(api.status).toBe(401);
  expect(api.headers['cache-control']).toBe('no-store');
  expect(api.headers['x-content-type-options']).toBe('nosniff');
  expect(String(api.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
});

test('HSTS only when a trusted proxy says the request came over TLS', async () => {
  const trusted = await requestFrom('127.0.0.3', { path: '/sign-in', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.20' } });
  expect(trusted.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  const forged = await requestFrom('127.0.0.1', { path: '/sign-in', headers: { 'x-forwarded-proto': 'https' } });
  expect(forged.headers['strict-transport-security']).toBeUndefined();
});

test('request ids are made by the server: a caller’s X-Request-Id is ignored; REST trace ids are the same id', async () => {
  const first = await requestFrom('127.0.0.1', { path: '/api/web/namespaces/system/usage_plans/current', headers: { 'x-request-id': '<script>alert(1)</script>'.repeat(200) } });
  const id = String(first.headers['x-request-id']);
  expect(id).toMatch(UUID);
  expect(first.headers['x-trace-id']).toBe(`TRACE-${id.toUpperCase()}`);
  const second = await requestFrom('127.0.0.1', { path: '/sign-in' });
  expect(second.headers['x-request-id']).not.toBe(id);
});

/** A failed sign-in through Auth.js from a given source address; returns the address stored for it. */
async function storedAddressOfFailedSignIn(source: string, headers: Record<string, string>): Promise<string> {
  const csrf = await requestFrom(source, { path: '/api/auth/csrf' });
  const cookie = ([] as string[]).concat(csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const email = `edge-${Date.now()}-${Math.random().toString(36).slice(2)}@nobody.test`;
  const form = new URLSearchParams({ email, password: 'not-the-password', csrfToken: JSON.parse(csrf.body).csrfToken });
  await requestFrom(source, {
    method: 'POST', path: '/api/auth/callback/credentials', body: form.toString(),
    headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
  const client = new pg.Client(e2eDatabaseUrl());
  await client.connect();
  try {
    const rows = await client.query<{ ip: string }>('SELECT ip FROM login_attempts WHERE email = $1', [email]);
    expect(rows.rows.length).toBeGreaterThan(0);
    return rows.rows[0]!.ip;
  } finally {
    await client.end();
  }
}

test('the client address is the socket’s unless a trusted proxy forwarded the request', async () => {
  // A direct caller cannot pick its address.
  expect(await storedAddressOfFailedSignIn('127.0.0.4', { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.10' })).toBe('127.0.0.4');
  // Our proxy's word counts, and only for the hop it appended: the rightmost untrusted address.
  expect(await storedAddressOfFailedSignIn('127.0.0.3', { 'x-forwarded-for': '203.0.113.9, 198.51.100.7' })).toBe('198.51.100.7');
});

test('pages hydrate under the CSP: no violations while signing in and switching language', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/sign-in');
  await page.getByRole('combobox').first().selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Counterfoil' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('audit rows keep the server’s request id and a bounded, cleaned user agent, whatever the caller sent', async ({ page }) => {
  await signIn(page, 'admin@demo.counterfoil.dev');
  const forgedId = '<img src=x onerror=alert(1)>'.repeat(50);
  const response = await page.request.post('/api/trpc/apiKeys.create', {
    headers: { 'x-counterfoil-tenant': 'tnt_demo', 'x-request-id': forgedId, 'user-agent': `Mozilla/5.0 <script>x</script>${'A'.repeat(5000)}`, 'content-type': 'application/json' },
    data: { json: { name: 'audited metadata', scopes: ['read'] } },
  });
  expect(response.status()).toBe(200);
  const created = (await response.json()).result.data.json as { apiKey: { id: string } };
  const requestId = response.headers()['x-request-id'];
  expect(requestId).toMatch(UUID);
  const client = new pg.Client(e2eDatabaseUrl());
  await client.connect();
  try {
    const { rows } = await client.query<{ request_id: string; user_agent: string; ip: string }>(
      "SELECT request_id, user_agent, ip FROM audit_logs WHERE target_id = $1 AND action LIKE 'api_key.%'", [created.apiKey.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.request_id).toBe(requestId);
    expect(rows[0]!.user_agent.length).toBeLessThanOrEqual(256);
    expect(rows[0]!.user_agent).not.toMatch(/[<>]/);
    expect(rows[0]!.user_agent.startsWith('Mozilla/5.0 script x /script AAAA')).toBe(true);
    expect(rows[0]!.ip).toBe('127.0.0.1');
  } finally {
    await client.end();
  }
});

test('unknown API paths answer a JSON 404 in the nearest seed’s form, never the HTML not-found page', async () => {
  const cases: [string, string, (body: unknown) => void][] = [
    ['GET', '/api/web/namespaces/system/nothing_here', (body) => expect(body).toBe('no endpoint at GET /api/web/namespaces/system/nothing_here')],
    ['POST', '/no_auth/namespaces/system/nothing', (body) => expect(typeof body).toBe('string')],
    ['GET', '/api/v1/billing/detail/nope', (body) => expect(body).toMatchObject({ code: 404, success: false, errorCode: 'UNKNOWN_PATH' })],
    ['GET', '/v1/bills/x/nope', (body) => expect(body).toMatchObject({ code: 404 })],
    ['GET', '/billing/nothing', (body) => expect(body).toMatchObject({ code: 404, message: expect.stringContaining('no endpoint') })],
    ['DELETE', '/internal/nothing', (body) => expect(body).toMatchObject({ code: 404, data: null })],
    ['GET', '/api/nothing', (body) => expect(body).toMatchObject({ code: 404 })],
  ];
  for (const [method, path, check] of cases) {
    const response = await requestFrom('127.0.0.1', { method, path });
    expect(response.status, path).toBe(404);
    expect(String(response.headers['content-type']), path).toContain('application/json');
    check(JSON.parse(response.body));
  }
  const page = await requestFrom('127.0.0.1', { path: '/no-such-page' });
  expect(page.status).toBe(404);
  expect(String(page.headers['content-type'])).toContain('text/html');
});
