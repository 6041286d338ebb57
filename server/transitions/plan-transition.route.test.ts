import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { POST as initiate } from '@/app/api/web/namespaces/[namespace]/billing/plan_transition/route';
import { POST as preview } from '@/app/api/web/namespaces/[namespace]/billing/plan_transition/preview/route';
import { GET as getState } from '@/app/no_auth/namespaces/system/billing/plan_transition/route';
import { seedApiKey, seedTestTenant, uniqueSuffix } from '@/prisma/seed/factories';
import { SYSTEM_ACTOR } from '@/server/audit/actor';
import { definePlan } from '@/server/catalog/define-catalog';
import { editPlan, editPlanInput } from '@/server/catalog/edit-plan';
import { planInput } from '@/server/catalog/schema';
import { startSubscription } from '@/server/subscriptions/start-subscription';
import { advanceClock, now, setClock, useSystemClock } from '@/server/clock';
import { prisma } from '@/server/db';
import { bearer, callRoute } from '@/test/harness';

const INITIATE = '/api/web/namespaces/system/billing/plan_transition';
const PREVIEW = `${INITIATE}/preview`;
const STATE = '/no_auth/namespaces/system/billing/plan_transition';
const TOKEN = { payment_provider_token: 'tok_sandbox_visa' };

const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ['int32', 'int64', 'double', 'boolean', 'date-time', 'byte', 'uuid', 'hostname', 'email']) ajv.addFormat(format, true);
ajv.addSchema(JSON.parse(readFileSync(new URL('../../test/fixtures/f5-billing-schemas.json', import.meta.url), 'utf8')), 'f5');
const validInitiate = ajv.compile({ allOf: [{ $ref: 'f5#/components/plan_transitionInitiatePlanTransitionRsp' }], required: ['id', 'requires_manual_approval'], additionalProperties: false, properties: { id: {}, requires_manual_approval: {} } });
const validState = ajv.compile({ allOf: [{ $ref: 'f5#/components/plan_transitionGetPlanTransitionRsp' }], required: ['state'], additionalProperties: false, properties: { state: {} } });

const tenants: string[] = [];
async function subscribed(currency: 'CNY' | 'USD', planCode = 'starter') {
  const seeded = await seedTestTenant(currency);
  tenants.push(seeded.tenant.id);
  await startSubscription({ tenantId: seeded.tenant.id, planCode, adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  const { key } = await seedApiKey(seeded);
  return { seeded, key };
}
const post = (handler: typeof initiate, path: string, key: string | null, body: unknown, extra: Record<string, string> = {}) =>
  callRoute(handler, { method: 'POST', path, params: { namespace: path.split('/')[4]! }, headers: { ...(key ? bearer(key) : {}), ...extra }, body });
const state = (key: string | null, id: string) => callRoute(getState, { path: `${STATE}?id=${encodeURIComponent(id)}`, headers: key ? bearer(key) : {} });

beforeAll(() => setClock(new Date('2026-05-10T03:00:00Z')));
afterAll(async () => {
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
  useSystemClock();
});

describe('plan_transition (F5 ops 8 and 9) and our preview', () => {
  it('preview quotes, op 9 confirms that quote (F5 shape), op 8 answers its state; the proration invoice equals the quote', async () => {
    const a = await subscribed('CNY');
    const quoteRes = await post(preview, PREVIEW, a.key, { namespace: 'system', new_plan: 'pro' });
    expect(quoteRes.status, quoteRes.text).toBe(200);
    const quote = quoteRes.json as Record<string, any>;
    expect(quote).toMatchObject({ state: 'quoted', direction: 'upgrade', mode: 'prorate_now', currency: 'CNY', periodDays: 31, remainingDays: 31 });
    // A whole period left: unused starter 99 (+5.94), pro 499 (+29.94): 424.00 due.
    expect([quote.unused.total, quote.charge.total, quote.net, quote.amountDue]).toEqual(['104.94', '528.94', '424', '424']);
    const res = await post(initiate, INITIATE, a.key, { namespace: 'system', new_plan: 'pro', payload: TOKEN, quote_id: quote.id });
    expect(res.status, res.text).toBe(200);
    expect(validInitiate(res.json), JSON.stringify(validInitiate.errors)).toBe(true);
    expect(res.json).toEqual({ id: quote.id, requires_manual_approval: false });
    const st = await state(a.key, quote.id);
    expect(st.status, st.text).toBe(200);
    expect(validState(st.json), JSON.stringify(validState.errors)).toBe(true);
    expect(st.json).toEqual({ state: 'STATE_FINISHED' });
    const records = await prisma.billingRecord.findMany({ where: { tenantId: a.seeded.tenant.id, type: 'proration' } });
    expect(records.map((r) => r.amount.toFixed(2))).toEqual(['424.00']);
  });

  it('without quote_id op 9 quotes and confirms at once; the enterprise plan waits for approval', async () => {
    const a = await subscribed('USD');
    const res = await post(initiate, INITIATE, a.key, { namespace: 'system', new_plan: 'enterprise', payload: TOKEN });
    expect(res.status, res.text).toBe(200);
    expect(validInitiate(res.json)).toBe(true);
    const { id, requires_manual_approval } = res.json as { id: string; requires_manual_approval: boolean };
    expect(requires_manual_approval).toBe(true);
    expect((await state(a.key, id)).json).toEqual({ state: 'STATE_WAITING_FOR_APPROVAL' });
    expect(await prisma.billingRecord.count({ where: { tenantId: a.seeded.tenant.id, type: 'proration' } })).toBe(0);
  });

  it('the same Idempotency-Key replays the first answer byte for byte; another body with it is 409', async () => {
    const a = await subscribed('CNY');
    const key = `idem-${randomUUID()}`;
    const body = { namespace: 'system', new_plan: 'pro', payload: TOKEN };
    const first = await post(initiate, INITIATE, a.key, body, { 'idempotency-key': key });
    const second = await post(initiate, INITIATE, a.key, body, { 'idempotency-key': key });
    expect(first.status, first.text).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await prisma.billingRecord.count({ where: { tenantId: a.seeded.tenant.id, type: 'proration' } })).toBe(1);
    const other = await post(initiate, INITIATE, a.key, { ...body, new_plan: 'free' }, { 'idempotency-key': key });
    expect(other.status).toBe(409);
  });

  it('a quote older than 15 minutes is refused with 409 and a clear message', async () => {
    const a = await subscribed('CNY');
    const quote = (await post(preview, PREVIEW, a.key, { namespace: 'system', new_plan: 'pro' })).json as { id: string };
    advanceClock(16 * 60_000);
    const res = await post(initiate, INITIATE, a.key, { namespace: 'system', new_plan: 'pro', payload: TOKEN, quote_id: quote.id });
    expect(res.status, res.text).toBe(409);
    expect(res.json).toMatch(/expired/);
    expect(await prisma.billingRecord.count({ where: { tenantId: a.seeded.tenant.id, type: 'proration' } })).toBe(0);
  });

  it('400 for a bad body, a namespace mismatch, a missing payment token; 401 without a credential', async () => {
    const a = await subscribed('CNY');
    for (const body of [{}, { namespace: 'system' }, { namespace: 'system', new_plan: 'pro', extra: 1 }, { namespace: 'web', new_plan: 'pro', payload: TOKEN }, { namespace: 'system', new_plan: 'pro', payload: { create_support_ticket: 'yes' } }]) {
      const res = await post(initiate, INITIATE, a.key, body);
      expect(res.status, `${JSON.stringify(body)}: ${res.text}`).toBe(400);
      expect(typeof res.json).toBe('string');
    }
    const noToken = await post(initiate, INITIATE, a.key, { namespace: 'system', new_plan: 'pro' });
    expect(noToken.status, noToken.text).toBe(400);
    expect(noToken.json).toMatch(/payment_provider_token/);
    expect((await state(a.key, '')).status).toBe(400);
    for (const res of [await post(initiate, INITIATE, null, { namespace: 'system', new_plan: 'pro', payload: TOKEN }), await post(preview, PREVIEW, null, { namespace: 'system', new_plan: 'pro' }), await state(null, randomUUID())]) {
      expect(res.status, res.text).toBe(401);
      expect(typeof res.json).toBe('string');
    }
    expect(await prisma.planTransition.count({ where: { tenantId: a.seeded.tenant.id } })).toBe(0);
  });

  it('preview with payload.billing_cycle quotes a change of cycle (credit line, full year from today, newPeriodEnd); op 9 confirms exactly it', async () => {
    const code = `rt-cyc-${uniqueSuffix()}`;
    await definePlan(planInput.parse({ code, name: 'Cycle', nameZh: '周期', planType: 'team', tenantType: 'freemium', rank: 500, prices: { CNY: '100' }, entitlements: [] }), SYSTEM_ACTOR);
    await editPlan(editPlanInput.parse({ code, prices: { CNY: { monthly: '100', yearly: '1000' } } }), SYSTEM_ACTOR);
    const a = await subscribed('CNY', code);
    const bad = await post(preview, PREVIEW, a.key, { namespace: 'system', new_plan: code, payload: { billing_cycle: 'weekly' } });
    expect(bad.status, bad.text).toBe(400);
    const same = await post(preview, PREVIEW, a.key, { namespace: 'system', new_plan: code });
    expect(same.status, same.text).toBe(400);
    const res = await post(preview, PREVIEW, a.key, { namespace: 'system', new_plan: code, payload: { billing_cycle: 'yearly' } });
    expect(res.status, res.text).toBe(200);
    const quote = res.json as Record<string, any>;
    // A whole month left: the unused month 100 (+6) is credited, the year 1000 (+60) charged from today.
    expect(quote).toMatchObject({ direction: 'upgrade', mode: 'prorate_now', fromBillingCycle: 'monthly', toBillingCycle: 'yearly', periodDays: 31, remainingDays: 31 });
    expect([quote.unused.total, quote.charge.total, quote.net, quote.amountDue]).toEqual(['106', '1060', '954', '954']);
    expect(new Date(quote.newPeriodEnd).getTime() - new Date(quote.effectiveAt).getTime()).toBe(365 * 86_400_000);
    const wrong = await post(initiate, INITIATE, a.key, { namespace: 'system', new_plan: code, payload: { ...TOKEN, billing_cycle: 'monthly' }, quote_id: quote.id });
    expect(wrong.status, wrong.text).toBe(400);
    const done = await post(initiate, INITIATE, a.key, { namespace: 'system', new_plan: code, payload: { ...TOKEN, billing_cycle: 'yearly' }, quote_id: quote.id });
    expect(done.status, done.text).toBe(200);
    expect(validInitiate(done.json), JSON.stringify(validInitiate.errors)).toBe(true);
    expect(done.json).toEqual({ id: quote.id, requires_manual_approval: false });
    const record = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId: a.seeded.tenant.id, type: 'proration' } });
    expect(record.amount.toFixed(2)).toBe('954.00');
    const sub = await prisma.subscription.findFirstOrThrow({ where: { tenantId: a.seeded.tenant.id, endedAt: null } });
    expect([sub.billingCycle, sub.currentPeriodEnd.toISOString()]).toEqual(['yearly', quote.newPeriodEnd]);
  });

  it('isolation: another tenant\'s id answers exactly like an unknown one, and its quote cannot be confirmed', async () => {
    const a = await subscribed('CNY');
    const b = await subscribed('USD');
    const quote = (await post(preview, PREVIEW, a.key, { namespace: 'system', new_plan: 'pro' })).json as { id: string };
    const foreign = await state(b.key, quote.id);
    const unknown = await state(b.key, randomUUID());
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe(unknown.text);
    expect(foreign.text).not.toContain(a.seeded.tenant.id);
    const own = await state(a.key, quote.id);
    expect(own.json).toEqual({ state: 'STATE_CREATING' });
    const steal = await post(initiate, INITIATE, b.key, { namespace: 'system', new_plan: 'pro', payload: TOKEN, quote_id: quote.id });
    expect(steal.status, steal.text).toBe(404);
    expect(steal.text).not.toContain('pro');
    expect((await state(a.key, quote.id)).json).toEqual({ state: 'STATE_CREATING' });
    const previewB = await post(preview, `/api/web/namespaces/web/billing/plan_transition/preview`, b.key, { namespace: 'web', new_plan: 'pro' });
    expect(previewB.status).toBe(404);
  });
});
