import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv, { type ValidateFunction } from 'ajv';
import { POST as currentUsageRoute } from '@/app/api/web/namespaces/[namespace]/current_usage/route';
import { POST as usageDetailsRoute } from '@/app/api/web/namespaces/[namespace]/usage_details/route';
import { POST as hourlyRoute } from '@/app/api/web/namespaces/[namespace]/hourly_usage_details/route';
import { POST as monthlyRoute } from '@/app/api/web/namespaces/[namespace]/monthly_usage/route';
import { POST as summaryRoute } from '@/app/api/data/namespaces/system/billing/usage_summary/route';
import { seedApiKey, seedTestTenant, type SeededTenant } from '@/prisma/seed/factories';
import { startSubscription } from '@/server/subscriptions/start-subscription';
import { setClock, useSystemClock } from '@/server/clock';
import { bearer, callerFor, callRoute } from '@/test/harness';
import { ingestAndPrice } from '@/test/usage-pricing-fixture';
import type { RouteHandler } from '@/server/rest/guard';

// F5 response schemas (test/fixtures/f5-billing-schemas.json), with every field we send required.
const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ['int32', 'int64', 'double', 'boolean', 'date-time', 'byte', 'uuid', 'hostname', 'email']) ajv.addFormat(format, true);
ajv.addSchema(JSON.parse(readFileSync(new URL('../../test/fixtures/f5-billing-schemas.json', import.meta.url), 'utf8')), 'f5');
const int64 = { type: 'string', pattern: '^-?\\d+$' };
const strict = (component: string, required: string[], properties: object = {}) => ({ allOf: [{ $ref: `f5#/components/${component}` }], required, properties });
const validators: Record<string, ValidateFunction> = {
  current: ajv.compile(strict('usageListCurrentUsageResp', ['usage_items', 'coupons', 'total_cost', 'discount'], {
    total_cost: int64, discount: int64,
    usage_items: { type: 'array', items: strict('usageCalculatedUsageItem', ['usage_type', 'metric_labels', 'quantity', 'unit_name', 'quantity_billable', 'unit_name_billable', 'amount', 'currency_code', 'start_timestamp', 'end_timestamp', 'status', 'fixed'], { amount: int64, quantity_billable: int64 }) },
  })),
  details: ajv.compile(strict('usageListUsageDetailsResp', ['usage_items'], {
    usage_items: { type: 'array', items: strict('usageUsageItem', ['usage_type', 'metric_label', 'namespace', 'object_name', 'quantity', 'unit_name', 'start_timestamp', 'end_timestamp', 'hourly_breakdown_query']) },
  })),
  hourly: ajv.compile(strict('usageListHourlyUsageDetailsResp', ['hourly_usage_items'], {
    hourly_usage_items: { type: 'array', items: strict('usageHourlyItem', ['deployment', 'container', 'quantity', 'unit_name', 'start_timestamp', 'end_timestamp']) },
  })),
  monthly: ajv.compile(strict('usageListMonthlyUsageResp', ['monthly_usage_items'], {
    monthly_usage_items: { type: 'array', items: strict('usageMonthlyUsageType', ['amount', 'currency_code', 'start_timestamp', 'end_timestamp'], { amount: int64 }) },
  })),
};

type Res = Awaited<ReturnType<typeof callRoute>>;
function expectF5(kind: keyof typeof validators, res: Res) {
  expect(res.status, res.text).toBe(200);
  expect(validators[kind]!(res.json), JSON.stringify(validators[kind]!.errors)).toBe(true);
}

const post = (handler: RouteHandler, path: string, key: string | null, body: unknown, namespace = 'system') =>
  callRoute(handler, { method: 'POST', path, params: { namespace }, headers: key ? bearer(key) : {}, body });
const current = (key: string | null, body: unknown, ns = 'system') => post(currentUsageRoute, `/api/web/namespaces/${ns}/current_usage`, key, body, ns);
const details = (key: string | null, body: unknown, ns = 'system') => post(usageDetailsRoute, `/api/web/namespaces/${ns}/usage_details`, key, body, ns);
const hourly = (key: string | null, body: unknown, ns = 'system') => post(hourlyRoute, `/api/web/namespaces/${ns}/hourly_usage_details`, key, body, ns);
const monthly = (key: string | null, body: unknown, ns = 'system') => post(monthlyRoute, `/api/web/namespaces/${ns}/monthly_usage`, key, body, ns);
const summary = (key: string | null, body: unknown) => callRoute(summaryRoute, { method: 'POST', path: '/api/data/namespaces/system/billing/usage_summary', headers: key ? bearer(key) : {}, body });

let A: SeededTenant;
let B: SeededTenant;
let keyA: string;
let keyB: string;
const MARCH = { from: '2026-03-10T00:00:00+08:00', to: '2026-03-11T00:00:00+08:00' };

beforeAll(async () => {
  setClock(new Date('2026-03-10T02:00:00Z'));
  [A, B] = [await seedTestTenant('CNY'), await seedTestTenant('CNY')];
  for (const t of [A, B]) await startSubscription({ tenantId: t.tenant.id, planCode: 'starter', adminUserId: t.users.owner.id }, t.ownerActor);
  [keyA, keyB] = [(await seedApiKey(A)).key, (await seedApiKey(B)).key];
  setClock(new Date('2026-03-10T07:30:00Z'));
  const app = A.apps[0]!.id;
  // 1.2M API calls in `web` (starter includes 1M): 200,000 over at 0.0002 = 40.00 CNY; 3,000 MFA in `system` (5,000 included).
  await ingestAndPrice(A, [
    { event_id: 'u1', app_id: app, namespace: 'web', resource_type: 'api_calls', quantity: 700_000, timestamp: '2026-03-10T03:05:00Z' },
    { event_id: 'u2', app_id: app, namespace: 'web', resource_type: 'api_calls', quantity: 500_000, timestamp: '2026-03-10T05:05:00Z' },
    { event_id: 'u3', namespace: 'system', resource_type: 'mfa_verifications', quantity: 3000, timestamp: '2026-03-10T04:05:00Z' },
    { event_id: 'u4', app_id: app, namespace: 'web', resource_type: 'active_users', quantity: 120, timestamp: '2026-03-10T03:15:00Z' },
    { event_id: 'u5', app_id: app, namespace: 'web', resource_type: 'active_users', quantity: 90, timestamp: '2026-03-10T05:15:00Z' },
  ]);
});
afterAll(() => useSystemClock());

const item = (res: Res, resourceType: string) => (res.json as { usage_items: { metric_labels: string[] }[] }).usage_items.find((i) => i.metric_labels[0] === resourceType) as Record<string, unknown>;

describe('POST current_usage (F5 op 20)', () => {
  it('prices the current billing period from the charge lines, valid against F5', async () => {
    const res = await current(keyA, { namespace: 'system' });
    expectF5('current', res);
    expect(item(res, 'api_calls')).toMatchObject({
      usage_type: 'API 调用', quantity: 1_200_000, quantity_billable: '1200000', amount: '4000', currency_code: 'CNY', status: 'STATUS_ACTIVE', fixed: false,
      start_timestamp: '2026-03-09T16:00:00Z', end_timestamp: '2026-04-09T16:00:00Z',
    });
    expect(item(res, 'mfa_verifications')).toMatchObject({ quantity: 3000, amount: '0', status: 'STATUS_ACTIVE' });
    expect(item(res, 'storage_gb')).toMatchObject({ quantity: 0, amount: '0', status: 'STATUS_NO_DATA' });
    // Original 240.00 + 90.00 MFA + 6.00 users; included units took off all but 40.00.
    expect(res.json).toMatchObject({ coupons: [], total_cost: '4000' });
    expect((res.json as { discount: string }).discount).toBe('29600');
  });

  it('reads one namespace when the path names it, and an explicit range', async () => {
    const web = await current(keyA, { namespace: 'web', ...MARCH }, 'web');
    expectF5('current', web);
    expect(item(web, 'api_calls')).toMatchObject({ quantity: 1_200_000, amount: '4000', start_timestamp: '2026-03-09T16:00:00Z', end_timestamp: '2026-03-10T16:00:00Z' });
    expect(item(web, 'mfa_verifications')).toMatchObject({ quantity: 0, status: 'STATUS_NO_DATA' });
    const early = await current(keyA, { from: '2026-03-10T00:00:00Z', to: '2026-03-10T04:00:00Z' });
    expect(item(early, 'api_calls')).toMatchObject({ quantity: 700_000, amount: '0' });
  });

  it('400 for a bad range, an unknown key or a body namespace that is not the path\'s (a bare JSON string)', async () => {
    for (const body of [
      { from: 'yesterday', to: MARCH.to }, { from: MARCH.to, to: MARCH.from }, { from: MARCH.from }, { ...MARCH, extra: 1 },
      { from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, { namespace: 'web', ...MARCH }, { from: '2026-02-30T00:00:00Z', to: MARCH.to },
    ]) {
      const res = await current(keyA, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(typeof res.json).toBe('string');
    }
  });

  it('401 without a credential, 404 for a namespace the tenant does not have', async () => {
    const anonymous = await current(null, {});
    expect([anonymous.status, typeof anonymous.json]).toEqual([401, 'string']);
    const foreign = await current(keyA, {}, 'mobile');
    expect(foreign.status).toBe(404);
    expect(foreign.json).toBe('namespace "mobile" not found');
  });

  it('differential isolation: B\'s key reads B\'s (empty) usage, never A\'s', async () => {
    const ofB = await current(keyB, {});
    expectF5('current', ofB);
    expect(item(ofB, 'api_calls')).toMatchObject({ quantity: 0, amount: '0' });
    expect(ofB.json).toMatchObject({ total_cost: '0', discount: '0' });
  });
});

describe('POST usage_details (op 23) and hourly_usage_details (op 21)', () => {
  it('lists each namespace × app × resource type with a signed query whose hours add up to it', async () => {
    const res = await details(keyA, MARCH);
    expectF5('details', res);
    const items = (res.json as { usage_items: Record<string, any>[] }).usage_items;
    expect(items.map((i) => [i.namespace, i.metric_label, i.object_name, i.quantity])).toEqual([
      ['system', 'mfa_verifications', '', 3000],
      ['web', 'api_calls', 'web', 1_200_000],
      ['web', 'active_users', 'web', 120],
    ]);
    const api = items.find((i) => i.metric_label === 'api_calls')!;
    expect(api.hourly_breakdown).toEqual([]);
    expect(api.hourly_breakdown_query).toMatch(/^[A-Za-z0-9_-]+$/);
    const hours = await hourly(keyA, { namespace: 'web', query: api.hourly_breakdown_query }, 'web');
    expectF5('hourly', hours);
    expect((hours.json as { hourly_usage_items: unknown[] }).hourly_usage_items).toEqual([
      { deployment: A.apps[0]!.id, container: 'sku_api_calls', quantity: 700000, unit_name: '次', start_timestamp: '2026-03-10T03:00:00Z', end_timestamp: '2026-03-10T04:00:00Z' },
      { deployment: A.apps[0]!.id, container: 'sku_api_calls', quantity: 500000, unit_name: '次', start_timestamp: '2026-03-10T05:00:00Z', end_timestamp: '2026-03-10T06:00:00Z' },
    ]);
    // The `system` path reads any namespace's query; B's key gets 404 for A's genuine query.
    expect((await hourly(keyA, { query: api.hourly_breakdown_query })).status).toBe(200);
    const ofB = await hourly(keyB, { query: api.hourly_breakdown_query });
    expect([ofB.status, ofB.text.includes('700000')]).toEqual([404, false]);
  });

  it('400 for an edited, made-up or foreign-namespace query', async () => {
    const items = ((await details(keyA, MARCH)).json as { usage_items: Record<string, any>[] }).usage_items;
    const system = items.find((i) => i.namespace === 'system')!.hourly_breakdown_query as string;
    const decoded = JSON.parse(Buffer.from(system, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...decoded, r: 'api_calls' })).toString('base64url');
    for (const query of [forged, `${system}x`, 'not a query', Buffer.from('{"v":1}').toString('base64url')]) {
      const res = await hourly(keyA, { query });
      expect([res.status, typeof res.json], query).toEqual([400, 'string']);
    }
    expect((await hourly(keyA, { namespace: 'web', query: system }, 'web')).status).toBe(400);
    expect((await hourly(null, { query: system })).status).toBe(401);
  });

  it('a namespace path lists only that namespace; B sees none of A\'s items', async () => {
    const web = await details(keyA, MARCH, 'web');
    expect((web.json as { usage_items: { namespace: string }[] }).usage_items.every((i) => i.namespace === 'web')).toBe(true);
    const ofB = await details(keyB, MARCH);
    expectF5('details', ofB);
    expect(ofB.json).toEqual({ usage_items: [] });
    expect((await details(keyA, { from: MARCH.to, to: MARCH.from })).status).toBe(400);
  });
});

describe('POST monthly_usage (op 22) and usage_summary', () => {
  it('answers the last 12 local months, oldest first, with this month\'s usage charges', async () => {
    const res = await monthly(keyA, { namespace: 'system' });
    expectF5('monthly', res);
    const months = (res.json as { monthly_usage_items: Record<string, string>[] }).monthly_usage_items;
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ amount: '0', currency_code: 'CNY', start_timestamp: '2025-03-31T16:00:00Z', end_timestamp: '2025-04-30T16:00:00Z' });
    expect(months[11]).toEqual({ amount: '4000', currency_code: 'CNY', start_timestamp: '2026-02-28T16:00:00Z', end_timestamp: '2026-03-31T16:00:00Z' });
    expect(((await monthly(keyB, {})).json as { monthly_usage_items: { amount: string }[] }).monthly_usage_items.every((m) => m.amount === '0')).toBe(true);
    expect((await monthly(keyA, { from: MARCH.from })).status).toBe(400);
    expect((await monthly(null, {})).status).toBe(401);
  });

  it('usage_summary: the tenant\'s priced usage as exact decimal strings', async () => {
    const res = await summary(keyA, MARCH);
    expect(res.status, res.text).toBe(200);
    const body = res.json as { items: Record<string, string>[]; total_cost: string; currency_code: string; from: string; to: string };
    expect(body).toMatchObject({ total_cost: '40.00', currency_code: 'CNY', from: '2026-03-09T16:00:00Z', to: '2026-03-10T16:00:00Z' });
    expect(body.items.find((i) => i.resource_type === 'api_calls')).toEqual({ resource_type: 'api_calls', quantity: '1200000', unit_name: '次', amount: '40.00', currency_code: 'CNY' });
    expect((await summary(keyB, MARCH)).json).toMatchObject({ total_cost: '0.00' });
    for (const body of [{}, { from: MARCH.from }, { from: MARCH.to, to: MARCH.from }, { ...MARCH, namespace: 'system' }]) {
      const bad = await summary(keyA, body);
      expect([bad.status, typeof bad.json], JSON.stringify(body)).toEqual([400, 'string']);
    }
    expect((await summary(null, MARCH)).status).toBe(401);
  });
});

describe('tRPC usageCost.currentPeriod', () => {
  it('gives a viewer the same priced period as current_usage, as exact decimal strings; another tenant\'s member sees only their own', async () => {
    const viewer = await callerFor(A.users.viewer.id, A.tenant.id);
    const cost = await viewer.usageCost.currentPeriod({});
    expect([cost.from.toISOString(), cost.to.toISOString(), cost.currency, cost.total, cost.discount]).toEqual(['2026-03-09T16:00:00.000Z', '2026-04-09T16:00:00.000Z', 'CNY', '40', '296']);
    expect(cost.items.find((i) => i.resourceType === 'api_calls')).toMatchObject({ quantity: '1200000', originalAmount: '240', discountAmount: '200', amount: '40', fixed: false });
    const ofB = await (await callerFor(B.users.owner.id, B.tenant.id)).usageCost.currentPeriod({});
    expect(ofB.total).toBe('0');
    await expect((await callerFor(B.users.owner.id, A.tenant.id)).usageCost.currentPeriod({})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(viewer.usageCost.currentPeriod({ from: MARCH.to, to: MARCH.from })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
