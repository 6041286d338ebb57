import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/billing/records/[tenant_id]/route';
import { seedApiKey, seedTestTenant } from '@/prisma/seed/factories';
import { SYSTEM_ACTOR } from '@/server/audit/actor';
import { createServiceCredential } from '@/server/staff/service-credentials';
import { bearer, callRoute, sessionCookieFor } from '@/test/harness';
import { invoiceNumbers, seedInvoiceFixture, type InvoiceFixture } from '@/test/invoice-fixture';
import { operation } from '@/app/billing/records/[tenant_id]/operation';
import { listBillingRecords } from '@/server/invoices/billing-records';
import { billingRecordList } from '@/server/invoices/records-schema';
import { writeJson } from '@/server/json';

let fx: InvoiceFixture;
let numbers: Map<string, string | null>;

const records = (tenantId: string, headers: Record<string, string>, query = '') =>
  callRoute(GET, { path: `/billing/records/${tenantId}${query}`, params: { tenant_id: tenantId }, headers });
type Body = Record<string, any>;

beforeAll(async () => {
  fx = await seedInvoiceFixture();
  numbers = await invoiceNumbers(fx.tenantId);
});

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

describe('GET /billing/records/{tenant_id} (seed 001)', () => {
  it('answers the envelope field by field: code, message, items, total, pagination{6}, timestamp', async () => {
    const res = await records(fx.tenantId, bearer(fx.key), '?page=1&page_size=2');
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = res.json as Body;
    expect(Object.keys(body).sort()).toEqual(['code', 'items', 'message', 'pagination', 'timestamp', 'total']);
    expect(body.code).toBe(200);
    expect(body.message).toBe('ok');
    expect(body.timestamp).toMatch(RFC3339);
    expect(body.total).toBe(6);
    expect(body.pagination).toEqual({ page: 1, page_size: 2, total: 6, total_pages: 3, has_next: true, has_prev: false });
    expect(body.items).toHaveLength(2);
    const last = (await records(fx.tenantId, bearer(fx.key), '?page=3&page_size=2')).json as Body;
    expect(last.pagination).toEqual({ page: 3, page_size: 2, total: 6, total_pages: 3, has_next: false, has_prev: true });
    const past = (await records(fx.tenantId, bearer(fx.key), '?page=9&page_size=2')).json as Body;
    expect(past.items).toEqual([]);
    expect(past.pagination).toMatchObject({ page: 9, total: 6, has_next: false, has_prev: true });
  });

  it('writes each record as BillingRecordResponse with its line items, money as exact number literals', async () => {
    const res = await records(fx.tenantId, bearer(fx.key));
    const body = res.json as Body;
    expect(body.pagination).toEqual({ page: 1, page_size: 20, total: 6, total_pages: 1, has_next: false, has_prev: false });
    const usage = body.items.find((item: Body) => item.record_id === fx.ids.usage);
    expect(Object.keys(usage).sort()).toEqual(['amount', 'app_id', 'created_at', 'currency', 'description', 'invoice_number', 'line_items', 'record_id', 'status', 'tenant_id', 'type']);
    expect(usage).toEqual({
      amount: 21.03, app_id: fx.appId, created_at: '2034-02-05T02:00:00Z', currency: 'CNY', description: 'API usage, January',
      invoice_number: numbers.get(fx.ids.usage), record_id: fx.ids.usage, status: 'open', tenant_id: fx.tenantId, type: 'usage',
      line_items: [
        { amount: 12.34, description: 'API 调用 =SUM(A1)', quantity: 1234, resource_type: 'api_requests', tax_amount: 0.74, tax_rate: 0.06, unit_price: 0.01 },
        { amount: 7.5, description: 'Bandwidth, "egress"', quantity: 3, resource_type: 'bandwidth', tax_amount: 0.45, tax_rate: 0.06, unit_price: 2.5 },
      ],
    });
    // The literal digits on the wire: one JSON writer, no float detour, no quoted numbers.
    expect(res.text).toContain('"amount":21.03');
    expect(res.text).toContain('"tax_rate":0.06');
    // Newest first; drafts are listed with an empty invoice number; a tenant-wide record has app_id "".
    expect(body.items[0]).toMatchObject({ record_id: fx.ids.draft, status: 'draft', invoice_number: '', app_id: '', type: 'adjustment' });
    const created = body.items.map((item: Body) => item.created_at);
    expect([...created].sort().reverse()).toEqual(created);
    const statuses = new Set(body.items.map((item: Body) => item.status));
    expect(statuses).toEqual(new Set(['draft', 'open', 'paid', 'failed', 'void', 'refunded']));
    for (const item of body.items) {
      expect(item.created_at).toMatch(RFC3339);
      for (const line of item.line_items) for (const field of ['amount', 'quantity', 'tax_amount', 'tax_rate', 'unit_price']) expect(typeof line[field]).toBe('number');
    }
  });

  it('the page is built in its schema’s exact shape, so the guard writes it without a parse (exactResponse)', async () => {
    expect(operation.exactResponse).toBe(true);
    const queries = [{}, { page: 1, page_size: 2 }, { page: 3, page_size: 2 }, { app_id: fx.appId }, { page: 9, page_size: 2 }];
    for (const query of queries) {
      const page = await listBillingRecords(fx.tenantId, query);
      // The parse would strip or reorder anything off-schema and refuse a wrong value: here it must change nothing.
      expect(writeJson(billingRecordList.parse(page)), JSON.stringify(query)).toBe(writeJson(page));
    }
  });

  it('app_id keeps one app’s records; an unknown app is an empty page', async () => {
    const mine = (await records(fx.tenantId, bearer(fx.key), `?app_id=${fx.appId}`)).json as Body;
    expect(mine.items.map((item: Body) => item.record_id)).toEqual([fx.ids.usage]);
    expect(mine.total).toBe(1);
    const none = await records(fx.tenantId, bearer(fx.key), '?app_id=app_unknown');
    expect(none.status).toBe(200);
    expect((none.json as Body).pagination).toEqual({ page: 1, page_size: 20, total: 0, total_pages: 0, has_next: false, has_prev: false });
  });

  it('400 in the seed error body for a bad page, page_size 0 or 101, a bad app_id or an unknown parameter', async () => {
    for (const query of ['?page_size=0', '?page_size=101', '?page_size=abc', '?page=0', '?page=-1', '?page=1.5', '?page=abc', '?page=', '?page=1e3',
      '?page=1&page=2', '?app_id=', '?app_id=a%20b', `?app_id=${'a'.repeat(65)}`, '?app_id=%00', '?size=10', '?page=99999999']) {
      const res = await records(fx.tenantId, bearer(fx.key), query);
      expect(res.status, `${query}: ${res.text}`).toBe(400);
      const body = res.json as Body;
      expect(Object.keys(body).sort(), query).toEqual(['code', 'message', 'timestamp']);
      expect(body.code).toBe(400);
      expect(body.message).toMatch(/invalid/);
    }
    expect(((await records(fx.tenantId, bearer(fx.key), '?page_size=101')).json as Body).message).toContain('page_size');
  });

  it('401 without a valid credential; 403 for a service credential; the body says nothing of the tenant', async () => {
    for (const headers of [{}, { authorization: 'Bearer garbage' }, { authorization: 'Basic dXNlcjpwYXNz' }] as Record<string, string>[]) {
      const res = await records(fx.tenantId, headers);
      expect(res.status, res.text).toBe(401);
      expect(Object.keys(res.json as Body).sort()).toEqual(['code', 'message', 'timestamp']);
      expect((res.json as Body).code).toBe(401);
      expect(res.text).not.toContain(fx.ids.usage);
    }
    const { token } = await createServiceCredential({ name: `svc-${fx.tenantId}`, scopes: ['export:user-data'] }, SYSTEM_ACTOR);
    expect((await records(fx.tenantId, bearer(token))).status).toBe(403);
  });

  it('differential isolation: B’s key on A’s tenant_id is 404 with nothing of A, like an unknown id; B sees only B', async () => {
    const other = await seedTestTenant('USD');
    const keyB = (await seedApiKey(other, ['read'])).key;
    const foreign = await records(fx.tenantId, bearer(keyB));
    const unknown = await records('tnt_doesnotexist', bearer(keyB));
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect((foreign.json as Body).code).toBe(404);
    expect((foreign.json as Body).message).toBe((unknown.json as Body).message);
    for (const secret of [fx.tenantId, fx.ids.usage, ...[...numbers.values()].filter(Boolean) as string[], fx.seeded.tenant.name]) expect(foreign.text).not.toContain(secret);
    const own = (await records(other.tenant.id, bearer(keyB))).json as Body;
    expect(own).toMatchObject({ code: 200, items: [], total: 0 });
    // With a session: a member of A reads A; a member of B gets the same 404 for A.
    const cookieA = await sessionCookieFor(fx.seeded.users.viewer.id);
    expect(((await records(fx.tenantId, { cookie: cookieA })).json as Body).total).toBe(6);
    const cookieB = await sessionCookieFor(other.users.owner.id);
    const viaSession = await records(fx.tenantId, { cookie: cookieB });
    expect(viaSession.status).toBe(404);
    expect(viaSession.text).not.toContain(fx.ids.usage);
  });
});
