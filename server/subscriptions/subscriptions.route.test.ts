import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { GET } from '@/app/api/web/namespaces/[namespace]/subscriptions/custom_list/route';
import { seedApiKey, seedTestTenant, type SeededTenant } from '@/prisma/seed/factories';
import { SYSTEM_ACTOR } from '@/server/audit/actor';
import { now, setClock, useSystemClock } from '@/server/clock';
import { grantCredit } from '@/server/credits/grant-credit';
import { prisma } from '@/server/db';
import { runDueJobs } from '@/server/jobs/run-due';
import { createServiceCredential } from '@/server/staff/service-credentials';
import { bearer, callRoute } from '@/test/harness';
import { startSubscription } from './start-subscription';
import { cancelSubscription } from './subscription-settings';

const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ['int32', 'int64', 'double', 'boolean', 'date-time', 'byte', 'uuid', 'hostname', 'email']) ajv.addFormat(format, true);
ajv.addSchema(JSON.parse(readFileSync(new URL('../../test/fixtures/f5-billing-schemas.json', import.meta.url), 'utf8')), 'f5');
const SUB_FIELDS = ['name', 'plan_name', 'plan_object_name', 'current', 'cancelled', 'start_date', 'last_billing_period_start_date', 'last_billing_period_end_date', 'previous_billing_periods'];
const validate = ajv.compile({
  allOf: [{ $ref: 'f5#/components/subscriptionListSubscriptionsRsp' }],
  required: ['subscriptions'],
  properties: { subscriptions: { type: 'array', items: { allOf: [{ $ref: 'f5#/components/subscriptionSubscriptionType' }], required: SUB_FIELDS } } },
});

const path = (namespace = 'system', query = '') => `/api/web/namespaces/${namespace}/subscriptions/custom_list${query}`;
const list = (headers: Record<string, string>, query = '', namespace = 'system') => callRoute(GET, { path: path(namespace, query), params: { namespace }, headers });
type Sub = Record<string, any>;

const tenants: string[] = [];
let pro: { seeded: SeededTenant; key: string; id: string };
let starter: { seeded: SeededTenant; key: string; id: string };

async function subscribed(currency: 'CNY' | 'USD', planCode: string) {
  const seeded = await seedTestTenant(currency);
  tenants.push(seeded.tenant.id);
  const sub = await startSubscription({ tenantId: seeded.tenant.id, planCode, adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  return { seeded, key: (await seedApiKey(seeded)).key, id: sub.id };
}

beforeAll(async () => {
  // 2032: no other test file's clock reaches these subscriptions.
  setClock(new Date('2032-01-10T03:00:00Z'));
  pro = await subscribed('CNY', 'pro');
  starter = await subscribed('USD', 'starter');
  await grantCredit({ tenantId: pro.seeded.tenant.id, amount: '2000', source: 'promotion', remark: 'test' }, SYSTEM_ACTOR);
  // The trial ends (14 days) and a paid month follows: two past periods behind the live one.
  setClock(new Date('2032-02-26T03:00:00Z'));
  await runDueJobs({ tenantIds: [pro.seeded.tenant.id, starter.seeded.tenant.id] });
  useSystemClock();
});

afterAll(async () => {
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
});

describe('GET subscriptions/custom_list (F5 op 17)', () => {
  it('lists the tenant subscription as SubscriptionType, valid against the F5 schema', async () => {
    const res = await list(bearer(pro.key));
    expect(res.status, res.text).toBe(200);
    expect(validate(res.json), JSON.stringify(validate.errors)).toBe(true);
    const [sub] = (res.json as { subscriptions: Sub[] }).subscriptions;
    expect(sub).toMatchObject({ name: pro.id, plan_name: '专业版', plan_object_name: 'pro', current: true, cancelled: false, start_date: '2032-01-10T03:00:00Z' });
    expect(sub).not.toHaveProperty('cancellation_date');
    const periods = sub!.previous_billing_periods as Sub[];
    expect(periods.map((p) => p.trial)).toEqual([true, false]);
    expect(periods[0]).toMatchObject({ start_date: '2032-01-09T16:00:00Z', end_date: '2032-01-23T16:00:00Z', invoices: [] });
    expect(periods[1]).toMatchObject({ start_date: '2032-01-23T16:00:00Z', end_date: '2032-02-23T16:00:00Z', pending_invoice: [] });
    expect(periods[1]!.closed_invoice).toHaveLength(1);
    expect(periods[1]!.closed_invoice[0]).toMatch(/^\/api\/web\/namespaces\/system\/usage\/invoice_pdf\?name=INV-2032-\d+$/);
    expect(sub!.last_billing_period_start_date).toBe('2032-02-23T16:00:00Z');
    expect(new Set(periods.map((p) => p.uid)).size).toBe(2);
  });

  it('current=true keeps only the live subscription; a cancelled one carries its date; another namespace of the tenant answers the same', async () => {
    await cancelSubscription({ tenantId: starter.seeded.tenant.id }, starter.seeded.ownerActor);
    await prisma.subscription.create({
      data: {
        ...(await prisma.subscription.findFirstOrThrow({ where: { tenantId: starter.seeded.tenant.id } })),
        id: `sub_old${starter.id.slice(-6)}`, status: 'expired', endedAt: new Date('2031-12-01T00:00:00Z'), startedAt: new Date('2031-01-01T00:00:00Z'), cancelAtPeriodEnd: false, canceledAt: null,
      },
    });
    const all = (await list(bearer(starter.key))).json as { subscriptions: Sub[] };
    expect(all.subscriptions.map((s) => [s.current, s.plan_name])).toEqual([[true, 'Starter'], [false, 'Starter']]);
    expect(all.subscriptions[0]).toMatchObject({ cancelled: true, cancellation_date: expect.stringMatching(/Z$/) });
    for (const namespace of ['system', 'web']) {
      const res = await list(bearer(starter.key), '?current=true', namespace);
      expect(res.status, res.text).toBe(200);
      expect(validate(res.json)).toBe(true);
      expect((res.json as { subscriptions: Sub[] }).subscriptions.map((s) => s.name)).toEqual([starter.id]);
    }
    const off = (await list(bearer(starter.key), '?current=false')).json as { subscriptions: Sub[] };
    expect(off.subscriptions).toHaveLength(2);
  });

  it('each tenant sees only its own subscriptions; a foreign or unknown namespace is 404', async () => {
    const mine = (await list(bearer(starter.key))).json as { subscriptions: Sub[] };
    expect(mine.subscriptions.map((s) => s.name)).not.toContain(pro.id);
    const theirs = (await list(bearer(pro.key))).json as { subscriptions: Sub[] };
    expect(theirs.subscriptions.map((s) => s.name)).toEqual([pro.id]);
    const fresh = await seedTestTenant('USD');
    const empty = await list(bearer((await seedApiKey(fresh)).key));
    expect(empty.json).toEqual({ subscriptions: [] });
    for (const namespace of ['mobile', 'nope']) {
      // pro's tenant has `web` only: another tenant's names are as unknown as nobody's.
      const res = await list(bearer(pro.key), '', namespace);
      expect(res.status, res.text).toBe(404);
      expect(res.json).toBe(`namespace "${namespace}" not found`);
    }
  });

  it('400 for a bad current value or an unknown parameter; 401 without a valid credential; 403 without read scope', async () => {
    for (const query of ['?current=yes', '?current=1', '?current=', '?foo=1', '?current=true&limit=3']) {
      const res = await list(bearer(pro.key), query);
      expect(res.status, `${query}: ${res.text}`).toBe(400);
      expect(typeof res.json).toBe('string');
    }
    for (const headers of [{}, { authorization: 'Bearer garbage' }, { authorization: 'Basic dXNlcjpwYXNz' }] as Record<string, string>[]) {
      const res = await list(headers);
      expect(res.status, res.text).toBe(401);
      expect(res.text).not.toContain(pro.id);
    }
    const ingestOnly = await seedApiKey(pro.seeded, ['ingest'], 'ingest-only');
    const { token } = await createServiceCredential({ name: `svc-${pro.seeded.tenant.id}`, scopes: ['export:user-data'] }, SYSTEM_ACTOR);
    for (const headers of [bearer(ingestOnly.key), bearer(token)]) {
      const res = await list(headers);
      expect(res.status, res.text).toBe(403);
      expect(res.text).not.toContain(pro.id);
    }
  });
});
