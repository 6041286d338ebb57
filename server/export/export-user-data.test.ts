import { encode } from 'next-auth/jwt';
import { isLosslessNumber, parse, type LosslessNumber } from 'lossless-json';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/internal/billing/export-user-data/route';
import { seedApiKey, seedTestTenant, seedUser, uniqueSuffix, type SeededTenant } from '@/prisma/seed/factories';
import { SYSTEM_ACTOR } from '@/server/audit/actor';
import { openSession } from '@/server/auth/sessions';
import { grantCredit } from '@/server/credits/grant-credit';
import { prisma } from '@/server/db';
import { createServiceCredential, revokeServiceCredential } from '@/server/staff/service-credentials';
import { startSubscription } from '@/server/subscriptions/start-subscription';
import { bearer, callRoute, edgeHeaders } from '@/test/harness';

type FieldType = 'number' | 'integer' | 'string' | 'boolean' | 'array';
const DTO: Record<string, Record<string, FieldType>> = {
  SubscriptionResponse: {
    admin_user_id: 'string', amount: 'number', auto_renew: 'boolean', billing_cycle: 'string', cancel_at_period_end: 'boolean', currency: 'string',
    current_period_end: 'string', current_period_start: 'string', grace_period_days: 'integer', plan_id: 'string', status: 'string', tenant_id: 'string', trial_end_date: 'string',
  },
  BillingRecordResponse: {
    amount: 'number', app_id: 'string', created_at: 'string', currency: 'string', description: 'string', invoice_number: 'string',
    line_items: 'array', record_id: 'string', status: 'string', tenant_id: 'string', type: 'string',
  },
  InvoiceLineItemResponse: { amount: 'number', description: 'string', quantity: 'integer', resource_type: 'string', tax_amount: 'number', tax_rate: 'number', unit_price: 'number' },
  CreditBalanceResponse: { balance: 'number', currency: 'string', tenant_id: 'string', updated_at: 'string' },
  CreditTransactionResponse: {
    amount: 'number', balance: 'number', created_at: 'string', id: 'string', remark: 'string', source: 'string', source_id: 'string', tenant_id: 'string', type: 'string',
  },
  UsageStatsExportItem: {
    api_requests: 'integer', bandwidth_used: 'integer', date: 'string', failed_logins: 'integer', login_attempts: 'integer', mfa_verifications: 'integer', storage_used: 'integer', user_count: 'integer',
  },
  UsageAlertResponse: {
    app_id: 'string', created_at: 'string', id: 'string', last_triggered_at: 'string', name: 'string', notification_channels: 'string', resource_type: 'string',
    status: 'string', tenant_id: 'string', threshold_percent: 'integer', updated_at: 'string',
  },
  MeteredBillingExportItem: {
    included_units: 'integer', overage_amount: 'string', overage_units: 'integer', period_end: 'string', period_start: 'string', resource_type: 'string', status: 'string', total_usage: 'integer',
  },
};

/** Every documented field present, nothing else, each of its documented type (numbers read losslessly). */
function expectDto(name: string, value: unknown) {
  const spec = DTO[name]!;
  const object = value as Record<string, unknown>;
  expect(Object.keys(object).sort(), name).toEqual(Object.keys(spec).sort());
  for (const [field, type] of Object.entries(spec)) {
    const item = object[field];
    const where = `${name}.${field}`;
    if (type === 'number') expect(isLosslessNumber(item), where).toBe(true);
    else if (type === 'integer') expect(isLosslessNumber(item) && /^-?\d+$/.test((item as LosslessNumber).value), `${where} = ${String(item)}`).toBe(true);
    else if (type === 'array') expect(Array.isArray(item), where).toBe(true);
    else expect(typeof item, where).toBe(type);
  }
}

const BIG = '12345678901.123456789';
let A: SeededTenant; let B: SeededTenant; let C: SeededTenant;
let user: { id: string; email: string };
let token: string; let credentialId: string;
const exportCall = (headers: Record<string, string>, body: unknown = { user_id: user.id }) =>
  callRoute(POST, { method: 'POST', path: '/internal/billing/export-user-data', headers: { ...edgeHeaders('10.9.8.7'), ...headers }, body });

beforeAll(async () => {
  [A, B, C] = [await seedTestTenant('CNY'), await seedTestTenant('USD'), await seedTestTenant('CNY')];
  user = A.users.admin; // a member of A; B's subscription names them admin_user_id without a membership; C has nothing of theirs
  const subA = await startSubscription({ tenantId: A.tenant.id, planCode: 'pro', adminUserId: A.users.owner.id }, A.ownerActor);
  await startSubscription({ tenantId: B.tenant.id, planCode: 'pro', adminUserId: user.id }, B.ownerActor);
  await startSubscription({ tenantId: C.tenant.id, planCode: 'pro', adminUserId: C.users.owner.id }, C.ownerActor);
  await grantCredit({ tenantId: A.tenant.id, amount: BIG, source: 'promotion', remark: 'export test' }, SYSTEM_ACTOR);
  const t = A.tenant.id;
  await prisma.$executeRaw`INSERT INTO billing_records (tenant_id, id, type, status, description, currency, subtotal, tax_amount, amount, created_at, updated_at)
    VALUES (${t}, 'rec_big', 'adjustment', 'paid', 'exact digits', 'CNY', ${BIG}::numeric, 0, ${BIG}::numeric, now(), now())`;
  await prisma.$executeRaw`INSERT INTO billing_line_items (tenant_id, id, billing_record_id, position, resource_type, description, quantity, unit_price, amount, tax_rate, tax_amount)
    VALUES (${t}, 'li_big', 'rec_big', 1, 'subscription', 'exact digits', 1, ${BIG}::numeric, ${BIG}::numeric, 0.06, 0.000000001)`;
  await prisma.$executeRaw`INSERT INTO usage_daily (tenant_id, namespace_id, app_id, resource_type, day, quantity, max_value, event_count, updated_at) VALUES
    (${t}, ${A.namespaces[0]!.id}, '', 'api_calls', '2026-03-04', 1234, NULL, 3, now()),
    (${t}, ${A.namespaces[0]!.id}, '', 'storage_gb', '2026-03-04', 5, 7, 1, now()),
    (${t}, ${A.namespaces[0]!.id}, '', 'active_users', '2026-03-04', 80, 42, 2, now()),
    (${t}, ${A.namespaces[0]!.id}, '', 'login_attempts', '2026-03-04', 2, NULL, 2, now()),
    (${t}, ${A.namespaces[0]!.id}, '', 'failed_logins', '2026-03-04', 1, NULL, 1, now()),
    (${t}, ${A.namespaces[0]!.id}, '', 'mfa_verifications', '2026-03-04', 3, NULL, 3, now())`;
  await prisma.$executeRaw`INSERT INTO usage_alerts (tenant_id, id, name, resource_type, threshold_percent, updated_at) VALUES (${t}, 'ua_export', 'API calls', 'api_calls', 80, now())`;
  await prisma.$executeRaw`INSERT INTO metered_billing_items (tenant_id, id, subscription_id, resource_type, period_start, period_end, included_units, total_usage, overage_units, overage_amount, currency, updated_at)
    VALUES (${t}, 'mbi_export', ${subA.id}, 'api_calls', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 1000, 1234, 234, 0.123456789, 'CNY', now())`;
  ({ token, credential: { id: credentialId } } = await createServiceCredential({ name: `export-${uniqueSuffix()}`, scopes: ['export:user-data'] }, SYSTEM_ACTOR));
});

describe('POST /internal/billing/export-user-data', () => {
  it('exports every tenant where the user is a member or a subscription admin, every DTO field with its documented type', async () => {
    const res = await exportCall(bearer(token));
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = parse(res.text) as Record<string, any>;
    expect(Object.keys(body)).toEqual(['code', 'message', 'timestamp', 'data']);
    expect(String(body.code)).toBe('200');
    expect(Object.keys(body.data)).toEqual(['user_id', 'exported_at', 'tenants']);
    expect(body.data.user_id).toBe(user.id);
    const tenants = body.data.tenants as Record<string, any>[];
    expect(tenants.map((t) => t.tenant_id).sort()).toEqual([A.tenant.id, B.tenant.id].sort());
    const a = tenants.find((t) => t.tenant_id === A.tenant.id)!;
    const b = tenants.find((t) => t.tenant_id === B.tenant.id)!;
    expect([a.role, b.role]).toEqual(['admin', 'admin']);
    expect(Object.keys(a)).toEqual(['tenant_id', 'role', 'subscriptions', 'billing_records', 'credit_balance', 'credit_transactions', 'usage_stats', 'usage_alerts', 'metered_billing']);
    for (const tenant of tenants) {
      for (const s of tenant.subscriptions) expectDto('SubscriptionResponse', s);
      for (const r of tenant.billing_records) {
        expectDto('BillingRecordResponse', r);
        for (const li of r.line_items) expectDto('InvoiceLineItemResponse', li);
      }
      expectDto('CreditBalanceResponse', tenant.credit_balance);
      for (const c of tenant.credit_transactions) expectDto('CreditTransactionResponse', c);
      for (const u of tenant.usage_stats) expectDto('UsageStatsExportItem', u);
      for (const u of tenant.usage_alerts) expectDto('UsageAlertResponse', u);
      for (const m of tenant.metered_billing) expectDto('MeteredBillingExportItem', m);
    }
    expect(b.subscriptions.map((s: any) => s.admin_user_id)).toEqual([user.id]);
    // Non-empty sections, exact digits on the wire
    const big = a.billing_records.find((r: any) => r.record_id === 'rec_big');
    expect(big.amount.value).toBe(BIG);
    expect(big.line_items[0].unit_price.value).toBe(BIG);
    expect(big.line_items[0].tax_rate.value).toBe('0.06');
    expect(big.line_items[0].tax_amount.value).toBe('0.000000001');
    expect(res.text).toContain(`"amount":${BIG}`);
    expect(a.credit_balance.balance.value).toBe(BIG);
    expect(a.credit_transactions.map((c: any) => c.amount.value)).toContain(BIG);
    expect(a.usage_stats).toHaveLength(1);
    expect(Object.fromEntries(Object.entries(a.usage_stats[0]).map(([k, v]) => [k, String(v)]))).toEqual({
      api_requests: '1234', bandwidth_used: '0', date: '2026-03-04', failed_logins: '1', login_attempts: '2', mfa_verifications: '3', storage_used: '7', user_count: '42',
    });
    expect(a.usage_alerts.map((u: any) => [u.id, u.threshold_percent.value, u.last_triggered_at])).toEqual([['ua_export', '80', '']]);
    expect(a.metered_billing).toHaveLength(1);
    expect(a.metered_billing[0]).toMatchObject({ overage_amount: '0.123456789', resource_type: 'api_calls', status: 'open', period_start: '2026-03-01T00:00:00Z' });
    expect(res.text).toContain('"overage_amount":"0.123456789"');
  });

  it('audits each export: caller credential, the user and the tenant ids', async () => {
    const before = await prisma.auditLog.count({ where: { serviceCredentialId: credentialId } });
    expect((await exportCall(bearer(token))).status).toBe(200);
    const rows = await prisma.auditLog.findMany({ where: { serviceCredentialId: credentialId, action: 'user_data.export' }, orderBy: { createdAt: 'desc' } });
    expect(rows.length).toBe(before + 1);
    expect(rows[0]).toMatchObject({ actorKind: 'service', targetType: 'user', targetId: user.id, ip: '10.9.8.7' });
    expect((rows[0]!.after as { tenantIds: string[] }).tenantIds.sort()).toEqual([A.tenant.id, B.tenant.id].sort());
  });

  it('404 in the envelope for an unknown user; a user with nothing exports no tenants', async () => {
    const res = await exportCall(bearer(token), { user_id: 'usr_doesnotexist' });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 404, data: null, message: expect.any(String) });
    const loner = await seedUser(`loner-${uniqueSuffix()}@export.test`, 'Loner');
    const empty = await exportCall(bearer(token), { user_id: loner.id });
    expect(empty.status).toBe(200);
    expect((empty.json as any).data.tenants).toEqual([]);
  });

  it('400 for malformed JSON, a missing user_id and extra keys', async () => {
    const malformed = await callRoute(POST, { method: 'POST', path: '/internal/billing/export-user-data', headers: bearer(token), rawBody: '{"user_id":' });
    for (const res of [malformed, await exportCall(bearer(token), {}), await exportCall(bearer(token), { user_id: user.id, tenant_id: A.tenant.id }), await exportCall(bearer(token), [])]) {
      expect(res.status, res.text).toBe(400);
      expect(res.json).toMatchObject({ code: 400, data: null });
    }
  });

  it('401 without a credential, with a bad one and a revoked one; 403 for a tenant key, a session, a credential without the scope', async () => {
    const revoked = await createServiceCredential({ name: `revoked-${uniqueSuffix()}`, scopes: ['export:user-data'] }, SYSTEM_ACTOR);
    await revokeServiceCredential({ id: revoked.credential.id }, SYSTEM_ACTOR);
    const key = (await seedApiKey(A)).key;
    const session = await openSession(A.users.owner.id, '127.0.0.1', 'vitest');
    const cookie = `authjs.session-token=${await encode({ token: { sub: A.users.owner.id, sid: session.id }, secret: process.env.AUTH_SECRET!, salt: 'authjs.session-token' })}`;
    // a credential that lacks the scope: created with it, then narrowed in the table (the console offers one scope today)
    const narrow = await createServiceCredential({ name: `narrow-${uniqueSuffix()}`, scopes: ['export:user-data'] }, SYSTEM_ACTOR);
    await prisma.serviceCredential.update({ where: { id: narrow.credential.id }, data: { scopes: ['audit:read'] } });
    const cases: [Record<string, string>, number][] = [
      [{}, 401], [bearer(`cfs_${'a'.repeat(12)}_${'b'.repeat(40)}`), 401], [bearer(`${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`), 401], [bearer(revoked.token), 401],
      [bearer(key), 403], [{ 'df-api-key': key }, 403], [{ cookie }, 403], [bearer(narrow.token), 403],
    ];
    for (const [headers, status] of cases) {
      const res = await exportCall(headers);
      expect(res.status, JSON.stringify(headers)).toBe(status);
      expect(res.json).toMatchObject({ code: status, data: null });
    }
  });
});
