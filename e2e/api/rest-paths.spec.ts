import { expect, test } from '@playwright/test';
import { demoCredentials } from '../helpers';

test('REST paths answer 401 JSON without credentials, never a redirect to sign-in', async ({ request }) => {
  for (const path of ['/api/web/namespaces/system/usage_plans/current', '/api/web/namespaces/system/usage_plans/custom_list']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(response.headers()['content-type']).toContain('application/json');
    expect(typeof (await response.json())).toBe('string');
  }
});

test('the seeded demo API keys call the catalog for their own tenant', async ({ request }) => {
  const { apiKeys } = demoCredentials();
  const acme = await request.get('/api/web/namespaces/system/usage_plans/current', { headers: { 'DF-API-KEY': apiKeys.tnt_acme! } });
  expect(acme.status()).toBe(200);
  expect(await acme.json()).toMatchObject({ locale: 'en-us', plans: [{ name: 'starter', current: true, flat_price: 1500 }] });
  const list = await request.get('/api/web/namespaces/system/usage_plans/custom_list', { headers: { Authorization: `APIToken ${apiKeys.tnt_demo!}` } });
  const body = await list.json();
  expect(body.usage_plans.map((p: { locale: string }) => p.locale)).toEqual(['zh-cn', 'en-us']);
});

test('the current plan reads STATE_TRANSITION_PENDING while a change waits for approval, else STATE_READY', async ({ request }) => {
  const { apiKeys } = demoCredentials();
  const current = async (key: string) => (await (await request.get('/api/web/namespaces/system/usage_plans/current', { headers: { Authorization: `Bearer ${key}` } })).json()).plans[0];
  // The seed leaves tnt_demo's enterprise request waiting for a staff approval.
  expect(await current(apiKeys.tnt_demo!)).toMatchObject({ current: true, state: 'STATE_TRANSITION_PENDING' });
  expect(await current(apiKeys.tnt_acme!)).toMatchObject({ current: true, state: 'STATE_READY' });
});
