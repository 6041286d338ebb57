import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/v1/bills/[bill_id]/hourlyDetails/route';
import { seedApiKey, seedTestTenant, type SeededTenant } from '@/prisma/seed/factories';
import { prisma } from '@/server/db';
import { money, sum } from '@/server/money';
import { bearer, callRoute } from '@/test/harness';
import { seedBillWithLines, type LineSpec } from './bill-fixture';
import { fromWireMoney } from './money-wire';

// Seed 004 BillHourlyDetail, every documented field in the documented order.
const DETAIL_FIELDS = [
  'id', 'resource_owner_id', 'resource_owner_name', 'resource_group_id', 'resource_group_name', 'subscription_id', 'billing_account_id',
  'bill_month', 'spu_id', 'spu_name', 'amount', 'original_amount', 'discount_amount', 'coupon_amount', 'voucher_amount', 'paid_amount',
  'unpaid_amount', 'state', 'payment_model', 'create_time', 'sku_id', 'sku_name', 'quantity', 'billing_item_property_name',
  'billing_item_display_name', 'consume_type', 'consume_desc', 'resource_name', 'subscription_name', 'resource_instance_id',
  'management_group_display_name', 'billing_account_display_name', 'management_group_uuid', 'backend_catalog_id',
  'backend_catalog_displayname', 'tenant_id', 'tenant_type',
];
const MONEY_FIELDS = ['amount', 'original_amount', 'discount_amount', 'coupon_amount', 'voucher_amount', 'paid_amount', 'unpaid_amount'];

type Money = { currency_code: string; units: number; nanos: number };
type Detail = Record<string, unknown> & { id: string; amount: Money; bill_month: string; sku_id: string; consume_type: string };
type Page = { bill_hourly_details: Detail[]; next_page_token: string; total_size: number; filter: { resource_owner: Record<string, string>; subscription_owner: Record<string, string>; billing_accounts: Record<string, string>; boss_filters: { id: string; children: { id: string; children: { id: string }[] }[] }[] } };

let a: SeededTenant;
let keyA: string;
let keyB: string;
let billA: Awaited<ReturnType<typeof seedBillWithLines>>;

const NOV = { billMonth: '202611', start: new Date('2026-10-31T16:00:00Z'), end: new Date('2026-11-30T16:00:00Z') };
const hour = (h: number) => new Date(Date.UTC(2026, 10, 3, h)); // 2026-11-03 h:00 UTC

/** 30 lines over three SKUs with discounts, coupons, vouchers, a partial payment, a refund and a reconciliation. */
function lines(): LineSpec[] {
  const specs: LineSpec[] = [];
  for (let i = 0; i < 24; i++) {
    specs.push({ skuId: 'sku_api_calls', hour: hour(i), quantity: String(1000 + i * 137), unitPrice: '0.0002', discount: i < 4 ? '0.1' : undefined, paid: i % 5 === 0 ? '0.05' : undefined });
  }
  specs.push({ skuId: 'sku_storage', hour: hour(6), quantity: '12.5', unitPrice: '0.12', coupon: '0.3' });
  specs.push({ skuId: 'sku_storage', hour: hour(7), quantity: '12.75', unitPrice: '0.12', voucher: '0.33' });
  specs.push({ skuId: 'sku_mfa', hour: hour(8), quantity: '40', unitPrice: '0.03' });
  specs.push({ skuId: 'sku_mfa', hour: hour(9), quantity: '41', unitPrice: '0.03' });
  specs.push({ skuId: 'sku_mfa', hour: hour(10), quantity: '-5', unitPrice: '0.03', consumeType: 'refund' });
  specs.push({ skuId: 'sku_api_calls', hour: hour(11), quantity: '250', unitPrice: '0.0002', consumeType: 'reconciliation' });
  return specs;
}

const get = (billId: string, key: string | null, query: Record<string, string> = {}) => {
  const search = new URLSearchParams(query).toString();
  return callRoute(GET, { path: `/v1/bills/${billId}/hourlyDetails${search ? `?${search}` : ''}`, params: { bill_id: billId }, headers: key ? bearer(key) : {} });
};

async function allPages(billId: string, query: Record<string, string>, between?: () => Promise<void>): Promise<Detail[]> {
  const seen: Detail[] = [];
  let token = '';
  for (let i = 0; i < 100; i++) {
    const response = await get(billId, keyA, { ...query, ...(token ? { page_token: token } : {}) });
    expect(response.status, response.text).toBe(200);
    const page = response.json as Page;
    seen.push(...page.bill_hourly_details);
    token = page.next_page_token;
    if (!token) return seen;
    await between?.();
  }
  throw new Error('paging did not end');
}

beforeAll(async () => {
  a = await seedTestTenant('CNY');
  const b = await seedTestTenant('USD');
  keyA = (await seedApiKey(a, ['read'])).key;
  keyB = (await seedApiKey(b, ['read'])).key;
  billA = await seedBillWithLines(a, NOV, lines());
});

describe('GET /v1/bills/{bill_id}/hourlyDetails (seed 004)', () => {
  it('200 with every documented field; Money exact with units and nanos sharing a sign; names in the tenant\'s locale', async () => {
    const response = await get(billA.bill.id, keyA, { page_size: '500' });
    expect(response.status, response.text).toBe(200);
    const page = response.json as Page;
    expect(Object.keys(page)).toEqual(['bill_hourly_details', 'next_page_token', 'total_size', 'filter']);
    expect(page.total_size).toBe(30);
    expect(page.next_page_token).toBe('');
    for (const row of page.bill_hourly_details) {
      expect(Object.keys(row)).toEqual(DETAIL_FIELDS);
      for (const field of MONEY_FIELDS) {
        const m = row[field] as Money;
        expect(Object.keys(m)).toEqual(['currency_code', 'units', 'nanos']);
        expect(m.currency_code).toBe('CNY');
        expect(Math.abs(m.nanos)).toBeLessThan(1e9);
        expect(m.units === 0 || m.nanos === 0 || Math.sign(m.units) === Math.sign(m.nanos)).toBe(true);
      }
    }
    const storage = page.bill_hourly_details.find((row) => row.sku_id === 'sku_storage' && row.bill_month === '2026110314-15')!;
    // 2026-11-03 06:00 UTC is 14:00 in Asia/Shanghai; 12.5 GB × 0.12 = 1.5 − coupon 0.3 = 1.2
    expect(storage).toMatchObject({
      sku_name: '存储空间', spu_name: '数据服务', billing_item_property_name: 'storage_gb', billing_item_display_name: '存储空间',
      state: 'BS_PENDING', payment_model: 'PM_POSTPAID', consume_type: 'CT_CONSUMPTION', resource_name: 'checkout-web',
      management_group_display_name: '研发部', billing_account_display_name: '主账户', backend_catalog_id: 'cat_identity', backend_catalog_displayname: '身份认证平台',
      tenant_id: a.tenant.id, tenant_type: 'FREEMIUM', resource_owner_id: a.users.admin.id, resource_group_id: billA.resourceGroup.id,
      amount: { currency_code: 'CNY', units: 1, nanos: 200000000 }, original_amount: { currency_code: 'CNY', units: 1, nanos: 500000000 },
      coupon_amount: { currency_code: 'CNY', units: 0, nanos: 300000000 }, create_time: '2026-11-03T06:00:00Z',
    });
    expect(storage.quantity).toBe(12.5);
    const refund = page.bill_hourly_details.find((row) => row.consume_type === 'CT_REFUND')!;
    expect(refund.amount).toEqual({ currency_code: 'CNY', units: 0, nanos: -150000000 });
    expect(page.bill_hourly_details.filter((row) => row.consume_type === 'CT_RECONCILIATION')).toHaveLength(1);
  });

  it('Money amounts add up exactly to the bill\'s total', async () => {
    const rows = await allPages(billA.bill.id, { page_size: '7' });
    const total = sum(rows.map((row) => fromWireMoney(row.amount)));
    const bill = await prisma.bill.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenant.id, id: billA.bill.id } } });
    expect(total.toFixed()).toBe(money(bill.amount).toFixed());
    expect(total.toFixed()).toBe(billA.total.toFixed());
  });

  it('keyset paging in every order: each row once, in order; rows inserted between pages are neither skipped nor repeated', async () => {
    for (const order of ['create_time desc', 'create_time', 'amount', 'amount desc', 'quantity desc']) {
      const rows = await allPages(billA.bill.id, { page_size: '4', order_by: order });
      expect(rows.map((r) => r.id).sort(), order).toEqual(billA.lines.map((l) => l.id).sort());
      const [field, direction] = order.split(' ') as [string, string | undefined];
      const key = (r: Detail) => (field === 'amount' ? fromWireMoney(r.amount) : money(field === 'quantity' ? String(r.quantity) : String(Date.parse(r.create_time as string))));
      for (let i = 1; i < rows.length; i++) {
        const step = key(rows[i]!).comparedTo(key(rows[i - 1]!));
        expect(direction === 'desc' ? step <= 0 : step >= 0, `${order} at ${i}`).toBe(true);
      }
    }
    const before = new Set((await allPages(billA.bill.id, { page_size: '500' })).map((r) => r.id));
    let inserted = 0;
    const paged = await allPages(billA.bill.id, { page_size: '5' }, async () => {
      // a late line lands in the bill between pages (newer than every row: it sorts first under create_time desc)
      const template = billA.lines[0]!;
      await prisma.chargeLine.create({ data: { ...template, id: `chg_late${inserted++}x${Date.now()}`, createdAt: new Date(Date.UTC(2026, 10, 29)) } });
    });
    const ids = paged.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => before.has(id)).length).toBe(before.size);
    await prisma.chargeLine.deleteMany({ where: { tenantId: a.tenant.id, id: { startsWith: 'chg_late' } } });
  });

  it('filters, sku_ids and spu_ids narrow rows, total_size and the facets together', async () => {
    const bySku = (await get(billA.bill.id, keyA, { filter: 'sku_id = "sku_storage"' })).json as Page;
    expect(bySku.total_size).toBe(2);
    expect(bySku.bill_hourly_details.every((r) => r.sku_id === 'sku_storage')).toBe(true);
    expect(bySku.filter.boss_filters).toEqual([{ id: 'cat_identity', display_name: '身份认证平台', children: [{ id: 'spu_data', display_name: '数据服务', children: [{ id: 'sku_storage', display_name: '存储空间', children: [] }] }] }]);
    expect(bySku.filter.billing_accounts).toEqual({ [billA.account.id]: '主账户' });
    expect(Object.keys(bySku.filter.resource_owner)).toEqual([a.users.admin.id]);

    const conj = (await get(billA.bill.id, keyA, { filter: 'spu_id = "spu_auth" AND consume_type = "CT_REFUND"' })).json as Page;
    expect(conj.total_size).toBe(1);
    expect((await get(billA.bill.id, keyA, { sku_ids: 'sku_mfa,sku_storage' })).json).toMatchObject({ total_size: 5 });
    expect((await get(billA.bill.id, keyA, { spu_ids: 'spu_auth' })).json).toMatchObject({ total_size: 28 });
    expect((await get(billA.bill.id, keyA, { filter: 'state = "BS_PAID"' })).json).toMatchObject({ total_size: 0, bill_hourly_details: [], next_page_token: '' });
    expect((await get(billA.bill.id, keyA, { filter: 'state = "BS_PENDING" AND payment_model = "PM_POSTPAID"' })).json).toMatchObject({ total_size: 30 });
    expect((await get(billA.bill.id, keyA, { bill_detail_id: billA.resourceGroup.id })).json).toMatchObject({ total_size: 30 });
    expect((await get(billA.bill.id, keyA, { bill_detail_id: 'rg_elsewhere0000' })).json).toMatchObject({ total_size: 0 });
  });

  it('400 in the seed\'s error body for bad filters, page sizes, orders, lists and tokens — never 500', async () => {
    const first = (await get(billA.bill.id, keyA, { page_size: '3' })).json as Page;
    const [body, mac] = first.next_page_token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), i: 'chg_zzz' })).toString('base64url')}.${mac}`;
    const bad: Record<string, string>[] = [
      { filter: 'color = "red"' }, { filter: 'sku_id = "a" OR sku_id = "b"' }, { filter: 'sku_id = red' }, { filter: 'state = "PAID"' },
      { filter: 'sku_id = "a" AND' }, { filter: 'sku_id = "a" AND sku_id = "b"' }, { page_size: '0' }, { page_size: '501' }, { page_size: 'ten' },
      { order_by: 'price' }, { order_by: 'amount sideways' }, { sku_ids: 'a;b' }, { bill_detail_id: 'x' }, { page_token: 'garbage' },
      { page_token: forged }, { page_token: first.next_page_token, filter: 'sku_id = "sku_mfa"' }, { page_token: first.next_page_token, order_by: 'amount' },
      { unknown: '1' },
    ];
    for (const query of bad) {
      const response = await get(billA.bill.id, keyA, query);
      expect(response.status, JSON.stringify(query)).toBe(400);
      const error = response.json as { code: number; message: string; details: unknown[] };
      expect(Object.keys(error)).toEqual(['code', 'message', 'details']);
      expect(error.code).toBe(400);
      expect(error.message.length).toBeGreaterThan(0);
    }
  });

  it('401 without a key; another tenant\'s bill and an unknown bill are both 404 with nothing of A', async () => {
    const anonymous = await get(billA.bill.id, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ code: 401 });
    const foreign = await get(billA.bill.id, keyB);
    const unknown = await get('bill_doesnotexist000', keyB);
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect((foreign.json as { message: string }).message).toBe((unknown.json as { message: string }).message.replace('bill_doesnotexist000', billA.bill.id));
    for (const secret of [a.tenant.id, a.tenant.name, billA.account.id, billA.lines[0]!.id]) expect(foreign.text).not.toContain(secret);
  });
});
