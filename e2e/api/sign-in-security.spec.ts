import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, requestFrom, signIn, type RawResponse } from '../helpers';

/**
 * Sign-in findings of the security review, reproduced over HTTP against the production server.
 * Tests that depend on the client address send from their own loopback addresses in
 * 127.0.10.0/24 (the edge takes the socket's address; 127.0.0.3 is the only trusted proxy).
 */
const SESSION_COOKIE = 'authjs.session-token';
/** The portal's language follows the browser, not the user: match the button in either. */
const SIGN_OUT = { name: /^(Sign out|退出登录)$/ };

function setCookies(response: RawResponse): string[] {
  const value = response.headers['set-cookie'];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** `name=value` of each cookie a response sets, ready for a Cookie header. */
function cookiePairs(response: RawResponse): string {
  return setCookies(response).map((line) => line.split(';')[0]).join('; ');
}

/** Set-Cookie lines that give the session cookie a value (a cleared cookie has none). */
function sessionCookiesSet(response: RawResponse): string[] {
  return setCookies(response).filter((line) => line.startsWith(`${SESSION_COOKIE}=`) && !line.startsWith(`${SESSION_COOKIE}=;`));
}

/** Auth.js's form post, as a browser without JavaScript sends it: CSRF token first, from the same address. */
async function postCredentials(address: string, email: string, password: string, callbackUrl = '/', host?: string) {
  const hostHeader: Record<string, string> = host ? { host } : {};
  const csrf = await requestFrom(address, { path: '/api/auth/csrf', headers: hostHeader });
  expect(csrf.status).toBe(200);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ email, password, csrfToken, callbackUrl }).toString();
  return requestFrom(address, {
    method: 'POST',
    path: '/api/auth/callback/credentials',
    headers: { ...hostHeader, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)), cookie: cookiePairs(csrf) },
    body,
  });
}

/** What a credentials post ended in: signed in, a wrong password, or refused by the throttle. */
function outcome(response: RawResponse): 'signed-in' | 'credentials' | 'rate_limited' | string {
  const location = new URL(String(response.headers.location), 'http://portal.invalid');
  if (location.pathname === '/sign-in') return location.searchParams.get('code') ?? `error:${location.searchParams.get('error')}`;
  return sessionCookiesSet(response).length === 1 ? 'signed-in' : `unexpected:${response.status} ${location.href}`;
}

test('a callbackUrl that leaves the portal is not followed, signing in or already signed in', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const offsite: string[] = [];
  await page.context().route(
    (url) => url.hostname.endsWith('evil.example'),
    async (route) => {
      offsite.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'text/plain', body: 'evil' });
    },
  );
  await page.goto('/sign-in?callbackUrl=%2F%5Cevil.example');
  await page.locator('#email').fill('viewer@acme.counterfoil.dev');
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  expect(new URL(page.url()).origin).toBe(origin);
  await expect(page.getByRole('button', SIGN_OUT)).toBeVisible();

  // Signed in: the sign-in page redirects straight to its callbackUrl, through the same check.
  for (const callbackUrl of ['%2F%5Cevil.example', '%2F%2Fevil.example', 'https%3A%2F%2Fevil.example', '%2F%252F%252Fevil.example', '%09%2F%2Fevil.example']) {
    await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    expect(new URL(page.url()).origin, callbackUrl).toBe(origin);
  }
  await page.goto('/sign-in?callbackUrl=%2Ftenants');
  expect(new URL(page.url()).pathname).toMatch(/^\/(tenants|t\/tnt_acme)$/);
  expect(offsite).toEqual([]);
});

test('Auth.js’s own form post does not redirect off the portal either', async ({ baseURL }) => {
  // The host the request went to (server/auth/request-origin.ts); a loopback name would be
  // rewritten to `localhost` by Next's URL class, so the portal is addressed by a real name here.
  const host = `portal.example:${new URL(baseURL!).port}`;
  const origin = `http://${host}`;
  for (const [i, callbackUrl] of ['/\\evil.example', '//evil.example', 'https://evil.example/'].entries()) {
    const response = await postCredentials(`127.0.10.${30 + i}`, 'viewer@acme.counterfoil.dev', DEMO_PASSWORD, callbackUrl, host);
    expect(response.status).toBe(302);
    expect(outcome(response)).toBe('signed-in');
    // The absolute URL names the host the request went to (server/auth/request-origin.ts), never Next's own `localhost`.
    const location = new URL(String(response.headers.location));
    expect(location.origin, callbackUrl).toBe(origin);
    expect(`${location.pathname}${location.search}`).toBe('/');
    expect(String(response.headers.location)).not.toContain('evil');
  }
});

test('a cookie kept after signing out gets no session from /api/auth/session and no renewed cookie', async ({ page }) => {
  await signIn(page, 'billing@acme.counterfoil.dev');
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie?.value).toBeTruthy();
  const kept = `${SESSION_COOKIE}=${cookie!.value}`;

  const live = await requestFrom('127.0.10.20', { path: '/api/auth/session', headers: { cookie: kept } });
  expect(live.status).toBe(200);
  expect(JSON.parse(live.body)).toMatchObject({ user: { email: 'billing@acme.counterfoil.dev' } });
  expect(sessionCookiesSet(live)).toHaveLength(1); // a live session is renewed

  await page.getByRole('button', SIGN_OUT).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);

  const after = await requestFrom('127.0.10.20', { path: '/api/auth/session', headers: { cookie: kept } });
  expect(after.status).toBe(200);
  expect(JSON.parse(after.body)).toBeNull();
  expect(sessionCookiesSet(after)).toEqual([]);
  // And the portal itself treats the kept cookie as signed out.
  const trpc = await requestFrom('127.0.10.20', { path: '/api/trpc/tenants.me', headers: { cookie: kept } });
  expect(trpc.status).toBe(401);
});

test('failed sign-ins from other addresses never lock the owner out of a new address', async () => {
  const email = 'admin@acme.counterfoil.dev';
  const attackers = ['127.0.10.1', '127.0.10.2', '127.0.10.3'];
  for (const address of attackers) {
    const outcomes: string[] = [];
    for (let i = 0; i < 7; i++) outcomes.push(outcome(await postCredentials(address, email, `wrong-${i}`)));
    expect(outcomes).toEqual(['credentials', 'credentials', 'credentials', 'credentials', 'credentials', 'rate_limited', 'rate_limited']);
  }
  // The attackers' own addresses must wait, even with the right password…
  expect(outcome(await postCredentials(attackers[0]!, email, DEMO_PASSWORD))).toBe('rate_limited');
  // …but the owner, from an address of their own, signs in.
  expect(outcome(await postCredentials('127.0.10.4', email, DEMO_PASSWORD))).toBe('signed-in');
});
