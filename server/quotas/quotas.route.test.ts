import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import Ajv, { type ValidateFunction } from 'ajv';
import { GET as listRoute, POST as createRoute } from '@/app/api/web/namespaces/[namespace]/quotas/route';
import { DELETE as deleteRoute, GET as getRoute, PUT as replaceRoute } from '@/app/api/web/namespaces/[namespace]/quotas/[name]/route';
import { GET as limitsRoute } from '@/app/api/web/namespaces/[namespace]/quota/limits/route';
import { GET as usageRoute } from '@/app/api/web/namespaces/[namespace]/quota/usage/route';
import { seedApiKey, seedTestTenant, type SeededTenant } from '@/prisma/seed/factories';
import { startSubscription } from '@/server/subscriptions/start-subscription';
import { bearer, callRoute } from '@/test/harness';
import type { RouteHandler } from '@/server/rest/guard';
import { prisma } from '../db';
import { now } from '../clock';

// --- F5 schema validation (f5-billing-schemas.json), as the other 003 route tests do.
const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ['int32', 'int64', 'double', 'boolean', 'date-time', 'byte', 'uuid', 'hostname', 'email']) ajv.addFormat(format, true);
ajv.addSchema(JSON.parse(readFileSync(new URL('../../test/fixtures/f5-billing-schemas.json', import.meta.url), 'utf8')), 'f5');
const f5 = (component: string, extra: object = {}): ValidateFunction => ajv.compile({ allOf: [{ $ref: `f5#/components/${component}` }, extra] });
const validators = {
  create: f5('quotaCreateResponse', { required: ['metadata', 'spec', 'system_metadata'] }),
  replace: f5('quotaReplaceResponse'),
  get: f5('quotaGetResponse', { required: ['metadata', 'system_metadata'] }),
  list: f5('quotaListResponse', { required: ['items', 'errors'] }),
  limits: f5('quotaGetQuotaLimitsResponse', { required: ['objects', 'resources', 'apis', 'api_limits', 'quota_usage', 'float_quota_usage'] }),
  usage: f5('quotaGetResponseType', { required: ['objects', 'resources', 'apis', 'api_limits', 'quota_usage', 'float_quota_usage'] }),
};

function expectF5(kind: keyof typeof validators, res: { status: number; text: string; json: unknown }) {
  expect(res.status, res.text).toBe(200);
  expect(validators[kind](res.json), JSON.stringify(validators[kind].errors)).toBe(true);
}

const isJsonString = (res: { json: unknown }) => typeof res.json === 'string' && (res.json as string).length > 0;
type Call = { handler: RouteHandler; method: string; namespace?: string; name?: string; query?: string; body?: unknown; rawBody?: string; headers: Record<string, string> };
function call({ handler, method, namespace = 'system', name, query = '', body, rawBody, headers }: Call) {
  const path = `/api/web/namespaces/${namespace}/${name === undefined ? (handler === limitsRoute ? 'quota/limits' : handler === usageRoute ? 'quota/usage' : 'quotas') : `quotas/${name}`}${query}`;
  return callRoute(handler, { method, path, params: name === undefined ? { namespace } : { namespace, name }, headers, body, rawBody });
}

const REQUEST = {
  metadata: { name: 'api-cap', namespace: 'system', labels: { env: 'prod', tier: 'web' }, annotations: { owner: 'ops' }, description: '月度 API 调用上限', disable: false },
  spec: { object_limits: { api_keys: { maximum: 5 } }, resource_limits: { api_calls: { maximum: 1500000.5 } }, api_limits: { 'ves.io.schema.quota.API.Create': { rate: 10, burst: 20, unit: 'per-second' } }, enforcement: 'soft' },
};

let A: { seeded: SeededTenant; key: string };
let B: { seeded: SeededTenant; key: string };
async function tenant() {
  const seeded = await seedTestTenant('CNY');
  await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  return { seeded, key: (await seedApiKey(seeded)).key };
}
beforeAll(async () => {
  [A, B] = await Promise.all([tenant(), tenant()]);
});

describe('quota CRUD round trip (F5 ops 10, 11, 14, 15, 16)', () => {
  it('creates, reads back the exact F5 shape, replaces, lists and deletes', async () => {
    const headers = bearer(A.key);
    const created = await call({ handler: createRoute, method: 'POST', body: REQUEST, headers });
    expectF5('create', created);
    const object = created.json as { metadata: unknown; spec: unknown; system_metadata: Record<string, unknown> };
    expect(object.metadata).toEqual(REQUEST.metadata);
    expect(object.spec).toEqual(REQUEST.spec);
    expect(Object.keys(object.system_metadata).sort()).toEqual(['creation_timestamp', 'creator_class', 'creator_id', 'finalizers', 'labels', 'modification_timestamp', 'object_index', 'tenant', 'uid']);
    expect(object.system_metadata.tenant).toBe(A.seeded.tenant.id);
    expect(created.text).toContain('"maximum":1500000.5');
    const limitRows = await prisma.quotaResourceLimit.findMany({ where: { tenantId: A.seeded.tenant.id } });
    expect(limitRows.map((r) => [r.resourceType, r.maximum.toFixed()])).toEqual([['api_calls', '1500000.5']]);

    const got = await call({ handler: getRoute, method: 'GET', name: 'api-cap', headers });
    expectF5('get', got);
    expect(got.json).toEqual(created.json);
    const forReplace = await call({ handler: getRoute, method: 'GET', name: 'api-cap', query: '?response_format=GET_RSP_FORMAT_FOR_REPLACE', headers });
    expectF5('get', forReplace);
    expect((forReplace.json as { replace_form: unknown }).replace_form).toEqual({ metadata: REQUEST.metadata, spec: REQUEST.spec });
    expect(forReplace.json).not.toHaveProperty('spec');

    const replacement = { metadata: { name: 'api-cap', labels: { env: 'staging' } }, spec: { resource_limits: { api_calls: { maximum: 900 }, storage_gb: { maximum: 2 } } } };
    const replaced = await call({ handler: replaceRoute, method: 'PUT', name: 'api-cap', body: replacement, headers });
    expectF5('replace', replaced);
    expect(replaced.json).toEqual({});
    const after = (await call({ handler: getRoute, method: 'GET', name: 'api-cap', headers })).json as { metadata: Record<string, unknown>; spec: unknown };
    expect(after.spec).toEqual({ object_limits: {}, resource_limits: { api_calls: { maximum: 900 }, storage_gb: { maximum: 2 } }, api_limits: {}, enforcement: 'hard' });
    expect(after.metadata).toEqual({ name: 'api-cap', namespace: 'system', labels: { env: 'staging' }, annotations: {}, description: '', disable: false });
    expect((await prisma.quotaResourceLimit.findMany({ where: { tenantId: A.seeded.tenant.id }, orderBy: { resourceType: 'asc' } })).map((r) => [r.resourceType, r.maximum.toFixed()]))
      .toEqual([['api_calls', '900'], ['storage_gb', '2']]);

    const listed = await call({ handler: listRoute, method: 'GET', headers });
    expectF5('list', listed);
    expect((listed.json as { items: { name: string }[] }).items.map((i) => i.name)).toEqual(['api-cap']);

    const deleted = await call({ handler: deleteRoute, method: 'DELETE', name: 'api-cap', body: { name: 'api-cap', namespace: 'system', fail_if_referred: true }, headers });
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.json).toEqual({});
    expect((await call({ handler: getRoute, method: 'GET', name: 'api-cap', headers })).status).toBe(404);
    expect(await prisma.quotaResourceLimit.count({ where: { tenantId: A.seeded.tenant.id } })).toBe(0);
    const audits = await prisma.auditLog.findMany({ where: { tenantId: A.seeded.tenant.id, targetType: 'quota' }, orderBy: { createdAt: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['quota.create', 'quota.replace', 'quota.delete']);
  });

  it('409 for a name already taken in the namespace; the same name in another namespace is fine', async () => {
    const body = { metadata: { name: 'dup' }, spec: {} };
    expectF5('create', await call({ handler: createRoute, method: 'POST', body, headers: bearer(A.key) }));
    const again = await call({ handler: createRoute, method: 'POST', body, headers: bearer(A.key) });
    expect(again.status).toBe(409);
    expect(isJsonString(again)).toBe(true);
    expectF5('create', await call({ handler: createRoute, method: 'POST', namespace: 'web', body, headers: bearer(A.key) }));
  });

  it('label_filter selects by labels (in, notin, =, !=, exists, !exists) and refuses a malformed selector', async () => {
    const { key } = await tenant();
    for (const [name, labels] of [['q-prod', { env: 'prod', tier: 'db' }], ['q-staging', { env: 'staging' }], ['q-none', {}]] as const) {
      expectF5('create', await call({ handler: createRoute, method: 'POST', body: { metadata: { name, labels }, spec: {} }, headers: bearer(key) }));
    }
    const names = async (filter: string) => {
      const res = await call({ handler: listRoute, method: 'GET', query: `?label_filter=${encodeURIComponent(filter)}`, headers: bearer(key) });
      expectF5('list', res);
      return (res.json as { items: { name: string }[] }).items.map((i) => i.name);
    };
    expect(await names('env in (staging, testing)')).toEqual(['q-staging']);
    expect(await names('env notin (staging)')).toEqual(['q-none', 'q-prod']);
    expect(await names('env=prod,tier==db')).toEqual(['q-prod']);
    expect(await names('env!=prod')).toEqual(['q-none', 'q-staging']);
    expect(await names('env')).toEqual(['q-prod', 'q-staging']);
    expect(await names('!env')).toEqual(['q-none']);
    expect(await names('')).toEqual(['q-none', 'q-prod', 'q-staging']);
    const detailed = await call({ handler: listRoute, method: 'GET', query: '?label_filter=tier&report_fields=', headers: bearer(key) });
    expectF5('list', detailed);
    expect(Object.keys((detailed.json as { items: object[] }).items[0]!)).toEqual(expect.arrayContaining(['metadata', 'system_metadata', 'get_spec']));
    for (const bad of ['env in (a', 'env in ()', '=prod', 'env in (a b)', 'a,,b']) {
      const res = await call({ handler: listRoute, method: 'GET', query: `?label_filter=${encodeURIComponent(bad)}`, headers: bearer(key) });
      expect(res.status, `${bad}: ${res.text}`).toBe(400);
      expect(isJsonString(res)).toBe(true);
    }
  });
});

describe('quota/limits and quota/usage (F5 ops 12, 13)', () => {
  it('reports the effective limits (quota objects over plan defaults) and this period\'s usage from the rollups', async () => {
    const { seeded, key } = await tenant();
    await call({ handler: createRoute, method: 'POST', body: { metadata: { name: 'cap' }, spec: { resource_limits: { api_calls: { maximum: 5000 } } } }, headers: bearer(key) });
    const limits = await call({ handler: limitsRoute, method: 'GET', headers: bearer(key) });
    expectF5('limits', limits);
    const body = limits.json as { resources: Record<string, { limit: { maximum: number }; description: string }>; objects: Record<string, { limit: { maximum: number } }> };
    expect(body.resources.api_calls).toEqual({ display_name: 'API 调用', description: 'quota "cap" (hard)', limit: { maximum: 5000 } });
    expect(body.resources.active_users!.limit.maximum).toBe(25000); // starter's default quota: 5,000 × 5
    expect(body.objects.api_keys!.limit.maximum).toBe(10);

    const system = await prisma.namespace.findUniqueOrThrow({ where: { tenantId_name: { tenantId: seeded.tenant.id, name: 'system' } } });
    const web = await prisma.namespace.findUniqueOrThrow({ where: { tenantId_name: { tenantId: seeded.tenant.id, name: 'web' } } });
    const hour = new Date(Math.floor(now().getTime() / 3_600_000) * 3_600_000);
    for (const [namespaceId, quantity] of [[system.id, '1200.25'], [web.id, '300']] as const) {
      await prisma.$executeRaw`INSERT INTO usage_hourly (tenant_id, namespace_id, app_id, resource_type, hour_start, quantity, event_count, updated_at)
        VALUES (${seeded.tenant.id}, ${namespaceId}, '', 'api_calls', ${hour}, ${quantity}::numeric, 1, now())`;
    }
    const usage = await call({ handler: usageRoute, method: 'GET', headers: bearer(key) });
    expectF5('usage', usage);
    expect(usage.text).toContain('"usage":{"current":1500.25}');
    expect((usage.json as { objects: Record<string, { usage: { current: number } }> }).objects.api_keys!.usage.current).toBe(1);
    const webUsage = await call({ handler: usageRoute, method: 'GET', namespace: 'web', headers: bearer(key) });
    expectF5('usage', webUsage);
    expect(webUsage.json).toMatchObject({ resources: {} }); // no quota in web: nothing to measure
  });
});

describe('quotas: bad input → 400 with a JSON string', () => {
  const cases: [string, () => Promise<{ status: number; text: string; json: unknown }>][] = [
    ['create: not a DNS label', () => call({ handler: createRoute, method: 'POST', body: { metadata: { name: 'Bad_Name' }, spec: {} }, headers: bearer(A.key) })],
    ['create: namespace disagrees with the path', () => call({ handler: createRoute, method: 'POST', body: { metadata: { name: 'x1', namespace: 'web' }, spec: {} }, headers: bearer(A.key) })],
    ['create: unknown resource type', () => call({ handler: createRoute, method: 'POST', body: { metadata: { name: 'x2' }, spec: { resource_limits: { teleports: { maximum: 1 } } } }, headers: bearer(A.key) })],
    ['create: negative maximum', () => call({ handler: createRoute, method: 'POST', body: { metadata: { name: 'x3' }, spec: { resource_limits: { api_calls: { maximum: -1 } } } }, headers: bearer(A.key) })],
    ['create: not JSON', () => call({ handler: createRoute, method: 'POST', rawBody: '{"metadata":', headers: bearer(A.key) })],
    ['create: description over 1200 bytes', () => call({ handler: createRoute, method: 'POST', body: { metadata: { name: 'x4', description: '额'.repeat(401) }, spec: {} }, headers: bearer(A.key) })],
    ['replace: rename', () => call({ handler: replaceRoute, method: 'PUT', name: 'dup', body: { metadata: { name: 'other' }, spec: {} }, headers: bearer(A.key) })],
    ['get: unknown response_format', () => call({ handler: getRoute, method: 'GET', name: 'dup', query: '?response_format=ALL', headers: bearer(A.key) })],
    ['list: unknown query parameter', () => call({ handler: listRoute, method: 'GET', query: '?page=2', headers: bearer(A.key) })],
    ['delete: no body', () => call({ handler: deleteRoute, method: 'DELETE', name: 'dup', headers: bearer(A.key) })],
    ['delete: body names another quota', () => call({ handler: deleteRoute, method: 'DELETE', name: 'dup', body: { name: 'other' }, headers: bearer(A.key) })],
    ['limits: a query parameter', () => call({ handler: limitsRoute, method: 'GET', query: '?x=1', headers: bearer(A.key) })],
    ['usage: a query parameter', () => call({ handler: usageRoute, method: 'GET', query: '?x=1', headers: bearer(A.key) })],
  ];
  it.each(cases)('%s', async (_label, run) => {
    const res = await run();
    expect(res.status, res.text).toBe(400);
    expect(isJsonString(res), res.text).toBe(true);
  });
});

describe('quotas: credentials and isolation', () => {
  const every = (headers: Record<string, string>, namespace = 'system', name = 'dup') => [
    call({ handler: createRoute, method: 'POST', namespace, body: { metadata: { name: 'iso' }, spec: {} }, headers }),
    call({ handler: listRoute, method: 'GET', namespace, headers }),
    call({ handler: getRoute, method: 'GET', namespace, name, headers }),
    call({ handler: replaceRoute, method: 'PUT', namespace, name, body: { metadata: { name }, spec: {} }, headers }),
    call({ handler: deleteRoute, method: 'DELETE', namespace, name, body: {}, headers }),
    call({ handler: limitsRoute, method: 'GET', namespace, headers }),
    call({ handler: usageRoute, method: 'GET', namespace, headers }),
  ];

  it('401 with a JSON string on every endpoint without a credential or with a bad one', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }] as Record<string, string>[]) {
      for (const res of await Promise.all(every(headers))) {
        expect(res.status, res.text).toBe(401);
        expect(isJsonString(res)).toBe(true);
      }
    }
  });

  it('B cannot see, change or delete A\'s quota; a namespace only A has answers as one nobody has', async () => {
    const onlyA = `only-a-${A.seeded.tenant.id.slice(-6)}`;
    await prisma.namespace.create({ data: { tenantId: A.seeded.tenant.id, id: `ns_${onlyA.replace(/-/g, '')}`, name: onlyA } });
    await call({ handler: createRoute, method: 'POST', namespace: onlyA, body: { metadata: { name: 'secret-cap' }, spec: {} }, headers: bearer(A.key) });
    const auditsBefore = await prisma.auditLog.count({ where: { tenantId: A.seeded.tenant.id } });
    const nobody = await Promise.all(every(bearer(B.key), 'nobody-has-this', 'secret-cap'));
    const foreign = await Promise.all(every(bearer(B.key), onlyA, 'secret-cap'));
    foreign.forEach((res, i) => {
      expect(res.status, res.text).toBe(404);
      expect(res.text).toBe(nobody[i]!.text.replace('nobody-has-this', onlyA));
      expect(res.text).not.toContain(A.seeded.tenant.id);
    });
    // In "system", which both have: A's quota "dup" does not exist for B.
    const bGet = await call({ handler: getRoute, method: 'GET', name: 'dup', headers: bearer(B.key) });
    expect(bGet.status).toBe(404);
    const bList = await call({ handler: listRoute, method: 'GET', headers: bearer(B.key) });
    expectF5('list', bList);
    expect(bList.text).not.toContain(A.seeded.tenant.id);
    expect((await call({ handler: deleteRoute, method: 'DELETE', name: 'dup', body: {}, headers: bearer(B.key) })).status).toBe(404);
    expect(await prisma.quota.count({ where: { tenantId: A.seeded.tenant.id, name: 'dup' } })).toBe(2);
    expect(await prisma.auditLog.count({ where: { tenantId: A.seeded.tenant.id } })).toBe(auditsBefore);
  });

  it('403 for a read-only key on the mutations', async () => {
    const readOnly = await seedApiKey(A.seeded, ['read'], 'read-only');
    const res = await call({ handler: createRoute, method: 'POST', body: { metadata: { name: 'ro' }, spec: {} }, headers: bearer(readOnly.key) });
    expect(res.status, res.text).toBe(403);
    expectF5('list', await call({ handler: listRoute, method: 'GET', headers: bearer(readOnly.key) }));
  });
});
