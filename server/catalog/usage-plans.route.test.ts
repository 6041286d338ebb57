import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import Ajv, { type ValidateFunction } from 'ajv';
import { GET as getCurrent } from '@/app/api/web/namespaces/[namespace]/usage_plans/current/route';
import { GET as getCustomList } from '@/app/api/web/namespaces/[namespace]/usage_plans/custom_list/route';
import { seedApiKey, seedTestTenant, type SeededTenant } from '@/prisma/seed/factories';
import { startSubscription } from '@/server/subscriptions/start-subscription';
import { revokeApiKey } from '@/server/apikeys/api-keys';
import { createServiceCredential } from '@/server/staff/service-credentials';
import { createNamespace } from '@/server/apps/apps';
import { createNamespaceInput } from '@/server/apps/schema';
import { SYSTEM_ACTOR } from '@/server/audit/actor';
import { bearer, callRoute } from '@/test/harness';

const CURRENT = '/api/web/namespaces/system/usage_plans/current';
const LIST = '/api/web/namespaces/system/usage_plans/custom_list';
const SYSTEM = { namespace: 'system' };
const SEEDED_PLANS = ['free', 'starter', 'pro', 'enterprise'];
const PLAN_FIELDS = [
  'name', 'title', 'subtitle', 'description', 'usage_plan_type', 'tenant_type', 'state', 'current', 'billing_disabled', 'flat_price',
  'renewal_period_unit', 'trial_period_unit', 'trial_period', 'default_quota', 'transition_flow', 'included_addon_services', 'allowed_addon_services',
].sort();

type Plan = Record<string, any>;
type Localized = { locale: string; plans: Plan[] };

// --- F5 schema validation (f5-billing-schemas.json), made stricter where F5 leaves things open.
const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ['int32', 'int64', 'double', 'boolean', 'date-time', 'byte', 'uuid', 'hostname', 'email']) ajv.addFormat(format, true);
ajv.addSchema(JSON.parse(readFileSync(new URL('../../test/fixtures/f5-billing-schemas.json', import.meta.url), 'utf8')), 'f5');
const strictPlan = {
  allOf: [{ $ref: 'f5#/components/planPlanInternal' }],
  required: PLAN_FIELDS,
  properties: { flat_price: { type: 'integer', minimum: 0, maximum: 2_147_483_647 }, trial_period: { type: 'integer', minimum: 0 } },
};
const strictLocalized = { allOf: [{ $ref: 'f5#/components/planLocalizedPlan' }], required: ['locale', 'plans'], properties: { locale: { enum: ['zh-cn', 'en-us'] }, plans: { type: 'array', items: strictPlan } } };
const validators: Record<'current' | 'list', ValidateFunction> = {
  current: ajv.compile({ allOf: [{ $ref: 'f5#/components/planLocalizedPlan' }, strictLocalized] }),
  list: ajv.compile({ allOf: [{ $ref: 'f5#/components/planListUsagePlansRsp' }], required: ['usage_plans'], properties: { usage_plans: { type: 'array', items: strictLocalized } } }),
};

function expectF5(kind: 'current' | 'list', res: { status: number; text: string; json: unknown }) {
  expect(res.status, res.text).toBe(200);
  const ok = validators[kind](res.json);
  expect(ok, JSON.stringify(validators[kind].errors)).toBe(true);
  // flat_price goes out as a bare JSON integer literal, never "49900" or 49900.0.
  const prices = [...res.text.matchAll(/"flat_price":([^,}]*)/g)].map((match) => match[1]);
  expect(prices).toHaveLength((res.text.match(/"flat_price"/g) ?? []).length);
  for (const price of prices) expect(price).toMatch(/^\d+$/);
}

const get = (handler: typeof getCurrent, path: string, headers: Record<string, string>, params = SYSTEM) => callRoute(handler, { path, params, headers });
const isJsonString = (res: { json: unknown }) => typeof res.json === 'string' && (res.json as string).length > 0;

async function subscribed(currency: 'CNY' | 'USD', planCode: string | null) {
  const seeded = await seedTestTenant(currency);
  if (planCode) await startSubscription({ tenantId: seeded.tenant.id, planCode, adminUserId: seeded.users.admin.id }, seeded.ownerActor);
  const { key, apiKey } = await seedApiKey(seeded);
  return { seeded, key, apiKey };
}

let proCny: { seeded: SeededTenant; key: string; apiKey: { id: string } };
let starterUsd: { seeded: SeededTenant; key: string; apiKey: { id: string } };
beforeAll(async () => {
  [proCny, starterUsd] = await Promise.all([subscribed('CNY', 'pro'), subscribed('USD', 'starter')]);
});

describe('the F5 response validator itself', () => {
  it('rejects what F5 forbids: a fractional or string flat_price, an unknown enum, a missing field', async () => {
    const res = await get(getCurrent, CURRENT, bearer(proCny.key));
    const good = res.json as Localized;
    expect(validators.current(good)).toBe(true);
    const broken = (patch: Plan) => ({ ...good, plans: [{ ...good.plans[0], ...patch }] });
    expect(validators.current(broken({ flat_price: 499.5 }))).toBe(false);
    expect(validators.current(broken({ flat_price: '49900' }))).toBe(false);
    expect(validators.current(broken({ usage_plan_type: 'team' }))).toBe(false);
    expect(validators.current(broken({ renewal_period_unit: 'MONTH' }))).toBe(false);
    const { trial_period: _dropped, ...missing } = good.plans[0]!;
    expect(validators.current({ ...good, plans: [missing] })).toBe(false);
    expect(validators.list({ usage_plans: [{ ...good, locale: 'fr-fr' }] })).toBe(false);
  });
});

describe('GET usage_plans/current (F5 op 24)', () => {
  it('returns a zh-cn LocalizedPlan with the pro plan, every PlanInternal field typed as F5 documents', async () => {
    const res = await get(getCurrent, CURRENT, bearer(proCny.key));
    expectF5('current', res);
    const body = res.json as Localized;
    expect(Object.keys(body).sort()).toEqual(['locale', 'plans']);
    expect(body.locale).toBe('zh-cn');
    expect(body.plans).toHaveLength(1);
    const pro = body.plans[0]!;
    expect(Object.keys(pro).sort()).toEqual(PLAN_FIELDS);
    expect(pro).toMatchObject({
      name: 'pro', title: '专业版', subtitle: '适合生产环境的团队', description: '单点登录、审计日志与优先支持。',
      usage_plan_type: 'TEAM', tenant_type: 'FREEMIUM', state: 'STATE_READY', current: true, billing_disabled: false,
      flat_price: 49900, renewal_period_unit: 'PERIOD_MONTH', trial_period_unit: 'PERIOD_DAY', trial_period: 14,
    });
    expect(Number.isInteger(pro.flat_price)).toBe(true);
    expect(pro.transition_flow).toEqual({ method: 'TRANSITION_METHOD_WIZARD', required_fields: ['TRANSITION_REQUIRED_FIELD_PAYMENT_TOKEN'], requires_manual_approval: false });
    expect(pro.included_addon_services).toEqual([{ name: 'advanced_mfa', display_name: '高级多因素认证' }]);
    expect(pro.allowed_addon_services.map((a: Plan) => a.name).sort()).toEqual(['audit_retention', 'premium_support']);
    for (const addon of [...pro.included_addon_services, ...pro.allowed_addon_services]) expect(Object.keys(addon).sort()).toEqual(['display_name', 'name']);
    expect(pro.default_quota).toEqual({
      object_limits: { api_keys: { maximum: 50 }, apps: { maximum: 20 } },
      resource_limits: { api_calls: { maximum: 100_000_000 }, active_users: { maximum: 250_000 } },
      api_limits: {},
      apigw_limits: {},
    });
  });

  it('returns an en-us LocalizedPlan with starter priced in USD cents for a USD/en tenant', async () => {
    const res = await get(getCurrent, CURRENT, bearer(starterUsd.key));
    expectF5('current', res);
    const body = res.json as Localized;
    expect(body.locale).toBe('en-us');
    expect(body.plans.map((p) => p.name)).toEqual(['starter']);
    expect(body.plans[0]).toMatchObject({ title: 'Starter', usage_plan_type: 'INDIVIDUAL', flat_price: 1500, trial_period: 0, trial_period_unit: 'PERIOD_DAY', current: true });
    expect([...body.plans[0]!.allowed_addon_services].sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { name: 'advanced_mfa', display_name: 'Advanced MFA' },
      { name: 'audit_retention', display_name: 'Audit log retention (1 year)' },
    ]);
    expect(body.plans[0]!.included_addon_services).toEqual([]);
  });

  it('answers {locale, plans: []} for a tenant without a subscription', async () => {
    const { key } = await subscribed('USD', null);
    const res = await get(getCurrent, CURRENT, bearer(key));
    expectF5('current', res);
    expect(res.json).toEqual({ locale: 'en-us', plans: [] });
  });
});

describe('GET usage_plans/custom_list (F5 op 25)', () => {
  it('lists every plan once per locale, caller locale first, current only on the caller plan', async () => {
    const res = await get(getCustomList, LIST, bearer(proCny.key));
    expectF5('list', res);
    const body = res.json as { usage_plans: Localized[] };
    expect(Object.keys(body)).toEqual(['usage_plans']);
    expect(body.usage_plans.map((l) => l.locale)).toEqual(['zh-cn', 'en-us']);
    for (const localized of body.usage_plans) {
      const seeded = localized.plans.filter((p) => SEEDED_PLANS.includes(p.name));
      expect(seeded.map((p) => p.name)).toEqual(SEEDED_PLANS);
      expect(localized.plans.filter((p) => p.current).map((p) => p.name)).toEqual(['pro']);
      for (const plan of localized.plans) expect(Object.keys(plan).sort()).toEqual(PLAN_FIELDS);
    }
    const [zh, en] = body.usage_plans as [Localized, Localized];
    expect(zh.plans.find((p) => p.name === 'pro')).toMatchObject({ title: '专业版', flat_price: 49900 });
    expect(en.plans.find((p) => p.name === 'pro')).toMatchObject({ title: 'Pro', flat_price: 49900 });
    expect(en.plans.find((p) => p.name === 'free')).toMatchObject({ flat_price: 0, usage_plan_type: 'FREE', transition_flow: { required_fields: [] } });
    expect(en.plans.find((p) => p.name === 'enterprise')).toMatchObject({
      tenant_type: 'ENTERPRISE', usage_plan_type: 'ORGANIZATION', flat_price: 499_900,
      transition_flow: { method: 'TRANSITION_METHOD_SUPPORT', requires_manual_approval: true },
    });
  });

  it('prices a USD tenant in USD cents with en-us first', async () => {
    const res = await get(getCustomList, LIST, bearer(starterUsd.key));
    expectF5('list', res);
    const body = res.json as { usage_plans: Localized[] };
    expect(body.usage_plans.map((l) => l.locale)).toEqual(['en-us', 'zh-cn']);
    for (const localized of body.usage_plans) {
      expect(localized.plans.find((p) => p.name === 'starter')).toMatchObject({ flat_price: 1500, current: true });
      expect(localized.plans.find((p) => p.name === 'pro')).toMatchObject({ flat_price: 7900, current: false });
    }
  });

  it('marks no plan current for an unsubscribed tenant', async () => {
    const { key } = await subscribed('CNY', null);
    const res = await get(getCustomList, LIST, bearer(key));
    expectF5('list', res);
    for (const localized of (res.json as { usage_plans: Localized[] }).usage_plans) expect(localized.plans.some((p) => p.current)).toBe(false);
  });
});

describe('usage plans: own plan only', () => {
  it('shows each tenant its own plan as current and nothing of the other tenant', async () => {
    for (const [me, other, mine, theirs] of [[proCny, starterUsd, 'pro', 'starter'], [starterUsd, proCny, 'starter', 'pro']] as const) {
      const current = await get(getCurrent, CURRENT, bearer(me.key));
      expect((current.json as Localized).plans.map((p) => p.name)).toEqual([mine]);
      const list = await get(getCustomList, LIST, bearer(me.key));
      for (const localized of (list.json as { usage_plans: Localized[] }).usage_plans) {
        expect(localized.plans.filter((p) => p.current).map((p) => p.name)).toEqual([mine]);
        expect(localized.plans.find((p) => p.name === theirs)?.current).toBe(false);
      }
      for (const res of [current, list]) {
        expect(res.text).not.toContain(other.seeded.tenant.id);
        expect(res.text).not.toContain(me.seeded.tenant.id);
      }
    }
  });
});

describe('usage plans: credentials', () => {
  it('401 with a bare JSON string without a credential, with a malformed one and with a revoked key', async () => {
    const { seeded, key, apiKey } = await subscribed('CNY', 'pro');
    await revokeApiKey({ tenantId: seeded.tenant.id, id: apiKey.id }, seeded.ownerActor);
    const cases: Record<string, string>[] = [{}, { authorization: 'Bearer garbage' }, { authorization: 'Basic dXNlcjpwYXNz' }, { 'df-api-key': 'cfk_nope' }, bearer(key)];
    for (const headers of cases) {
      for (const [handler, path] of [[getCurrent, CURRENT], [getCustomList, LIST]] as const) {
        const res = await get(handler, path, headers);
        expect(res.status, JSON.stringify(headers)).toBe(401);
        expect(isJsonString(res), res.text).toBe(true);
        expect(res.text).not.toContain('plans');
      }
    }
  });

  it('accepts APIToken, Bearer and DF-API-KEY forms of the same key', async () => {
    for (const headers of [{ authorization: `APIToken ${proCny.key}` }, { authorization: `Bearer ${proCny.key}` }, { 'df-api-key': proCny.key }] as Record<string, string>[]) {
      const res = await get(getCurrent, CURRENT, headers);
      expectF5('current', res);
      expect((res.json as Localized).plans[0]?.name).toBe('pro');
    }
  });

  it('403 for a key without the read scope and for a service credential', async () => {
    const ingestOnly = await seedApiKey(proCny.seeded, ['ingest'], 'ingest-only');
    const { token } = await createServiceCredential({ name: `svc-${proCny.seeded.tenant.id}`, scopes: ['export:user-data'] }, SYSTEM_ACTOR);
    for (const headers of [bearer(ingestOnly.key), bearer(token), { authorization: `APIToken ${token}` }]) {
      const res = await get(getCustomList, LIST, headers);
      expect(res.status, res.text).toBe(403);
      expect(isJsonString(res), res.text).toBe(true);
    }
  });
});

describe('usage plans: namespace', () => {
  it('404 for another namespace of the tenant: the operation exists only in system', async () => {
    const res = await get(getCurrent, '/api/web/namespaces/web/usage_plans/current', bearer(proCny.key), { namespace: 'web' });
    expect(res.status, res.text).toBe(404);
    expect(isJsonString(res)).toBe(true);
    expect(res.text).not.toContain('plans');
  });

  it('404 "namespace \\"nope\\" not found" for an unknown namespace', async () => {
    for (const handler of [getCurrent, getCustomList]) {
      const res = await get(handler, '/api/web/namespaces/nope/usage_plans/current', bearer(proCny.key), { namespace: 'nope' });
      expect(res.status).toBe(404);
      expect(res.text).toBe('"namespace \\"nope\\" not found"');
    }
  });

  it('a namespace only another tenant has answers exactly like one nobody has', async () => {
    const tenantA = await subscribed('CNY', 'pro');
    const tenantB = await subscribed('CNY', 'starter');
    const name = `only-b-${tenantB.seeded.tenant.id.slice(-6)}`;
    const ask = () => get(getCurrent, `/api/web/namespaces/${name}/usage_plans/current`, bearer(tenantA.key), { namespace: name });
    const before = await ask();
    await createNamespace({ tenantId: tenantB.seeded.tenant.id, ...createNamespaceInput.parse({ name }) }, tenantB.seeded.ownerActor);
    const after = await ask();
    for (const res of [before, after]) {
      expect(res.status).toBe(404);
      expect(res.json).toBe(`namespace "${name}" not found`);
    }
    expect(after.text).toBe(before.text);
    // tenant B itself reaches its namespace (and is then told the op lives in system)
    const own = await get(getCurrent, `/api/web/namespaces/${name}/usage_plans/current`, bearer(tenantB.key), { namespace: name });
    expect(own.status).toBe(404);
    expect(own.text).not.toBe(before.text);
  });
});

describe('usage plans: bad input', () => {
  it('400 with a JSON string for an unexpected query parameter, never 500', async () => {
    for (const [handler, path] of [[getCurrent, CURRENT], [getCustomList, LIST]] as const) {
      for (const query of ['?foo=1', '?locale=en-us', '?foo=1&foo=2', '?%E4%B8%AD=%FF']) {
        const res = await get(handler, path + query, bearer(proCny.key));
        expect(res.status, `${path}${query}: ${res.text}`).toBe(400);
        expect(isJsonString(res), res.text).toBe(true);
      }
    }
  });

  it('never 500 for odd path parameters', async () => {
    for (const namespace of ['SYSTEM', 'system ', '', 'a'.repeat(300), '../system', 'sys%00tem']) {
      const res = await get(getCurrent, CURRENT, bearer(proCny.key), { namespace });
      expect(res.status, `${JSON.stringify(namespace)}: ${res.text}`).toBe(404);
      expect(isJsonString(res)).toBe(true);
    }
  });
});
