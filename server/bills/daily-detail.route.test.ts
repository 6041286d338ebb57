import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/billing/detail/list/route';
import { GET as hourlyDetails } from '@/app/v1/bills/[bill_id]/hourlyDetails/route';
import { seedApiKey, seedTestTenant, type SeededTenant } from '@/prisma/seed/factories';
import { prisma } from '@/server/db';
import { newId } from '@/server/ids';
import { money, sum } from '@/server/money';
import { bearer, callRoute } from '@/test/harness';
import { seedBillWithLines, type LineSpec } from './bill-fixture';
import { fromWireMoney } from './money-wire';

// Seed 002's content row, every documented field in the documented order.
const ROW_FIELDS = [
  'consumeTimeOfDay', 'orgName', 'productName', 'productDetail', 'billingCycle', 'billingResult', 'deductionAmount', 'oweAmount', 'originAmount',
  'serviceBillingAmount', 'couponAmount', 'storedCardAmount', 'cashAmount', 'cashCouldAmount', 'commodityCategory', 'consumePlatform',
  'customerIdentifier', 'consumption', 'workspaceUuid', 'workspaceName', 'consumeTime', 'tag6', 'billingResultDetails', 'count',
];

type Row = Record<string, unknown> & { consumeTimeOfDay: string; tag6: string; billingResult: number; count: number };

let a: SeededTenant;
let keyA: string;
let keyB: string;
let billA: Awaited<ReturnType<typeof seedBillWithLines>>;

const NOV = { billMonth: '202611', start: new Date('2026-10-31T16:00:00Z'), end: new Date('2026-11-30T16:00:00Z') };
/** Hours around local midnight of 2026-11-04 in Asia/Shanghai (16:00 UTC the day before). */
const SPECS: LineSpec[] = [
  { skuId: 'sku_api_calls', hour: new Date('2026-11-03T14:00:00Z'), quantity: '1000', unitPrice: '0.0002' },
  { skuId: 'sku_api_calls', hour: new Date('2026-11-03T15:00:00Z'), quantity: '1500', unitPrice: '0.0002', paid: '0.3' },
  { skuId: 'sku_api_calls', hour: new Date('2026-11-03T16:00:00Z'), quantity: '2000', unitPrice: '0.0002', discount: '0.1' },
  { skuId: 'sku_storage', hour: new Date('2026-11-03T17:00:00Z'), quantity: '10.5', unitPrice: '0.12', coupon: '0.2', voucher: '0.06' },
  { skuId: 'sku_storage', hour: new Date('2026-11-04T02:00:00Z'), quantity: '11', unitPrice: '0.12', paid: '1.32' },
];

const get = (key: string | null, query: Record<string, string>, header: 'bearer' | 'df' = 'bearer') =>
  callRoute(GET, {
    path: `/api/v1/billing/detail/list?${new URLSearchParams(query)}`,
    headers: key ? (header === 'df' ? { 'df-api-key': key } : bearer(key)) : {},
  });

beforeAll(async () => {
  a = await seedTestTenant('CNY');
  const b = await seedTestTenant('USD');
  keyA = (await seedApiKey(a, ['read'])).key;
  keyB = (await seedApiKey(b, ['read'])).key;
  billA = await seedBillWithLines(a, NOV, SPECS);
  // The last line was paid by an invoice settled half from credit and half by a card.
  const card = await prisma.paymentMethod.create({ data: { tenantId: a.tenant.id, id: newId('pm'), name: 'card-1', kind: 'card', providerToken: 'tok_test', brand: 'visa', last4: '4242' } });
  const record = await prisma.billingRecord.create({
    data: { tenantId: a.tenant.id, id: newId('rec'), type: 'usage', status: 'paid', description: 'usage', currency: 'CNY', amount: '2.64', subtotal: '2.64', creditAppliedAmount: '1.32', paymentMethodId: card.id },
  });
  await prisma.chargeLine.updateMany({ where: { tenantId: a.tenant.id, id: billA.lines[4]!.id }, data: { billingRecordId: record.id } });
});

describe('GET /api/v1/billing/detail/list (seed 002)', () => {
  it('200 in the seed envelope: one row per local day × meter, every documented field, exact amounts', async () => {
    const response = await get(keyA, { startDate: '20261101', endDate: '20261130' });
    expect(response.status, response.text).toBe(200);
    const body = response.json as { code: number; content: Row[]; errorCode: string; message: string; success: boolean; traceId: string };
    expect(Object.keys(body)).toEqual(['code', 'content', 'errorCode', 'message', 'success', 'traceId']);
    expect(body).toMatchObject({ code: 200, errorCode: '', message: '', success: true });
    expect(body.traceId).toMatch(/^TRACE-/);
    for (const row of body.content) expect(Object.keys(row)).toEqual(ROW_FIELDS);
    const keys = body.content.map((row) => `${row.consumeTimeOfDay} ${row.tag6}`);
    expect(keys).toEqual(['2026-11-03 api_calls', '2026-11-04 api_calls', '2026-11-04 storage_gb']);
    const [nov3, nov4calls, nov4storage] = body.content as [Row, Row, Row];
    // 14:00 and 15:00 UTC are still Nov 3 in Shanghai: 2500 calls, 0.5 payable, 0.3 of it paid
    expect(nov3).toMatchObject({
      count: 2500, billingResult: 0.5, originAmount: 0.5, deductionAmount: 0.3, oweAmount: 0.2, couponAmount: 0, cashCouldAmount: 0,
      productName: 'Counterfoil', productDetail: 'API 调用', billingCycle: 'Day', commodityCategory: '按量付费', workspaceName: 'system',
      orgName: null, serviceBillingAmount: null, consumption: null, billingResultDetails: null, consumeTime: Date.parse('2026-11-02T16:00:00Z') / 1000,
    });
    expect(nov4calls).toMatchObject({ count: 2000, originAmount: 0.4, billingResult: 0.3, oweAmount: 0.3, consumePlatform: null, customerIdentifier: null });
    // 10.5 GB × 0.12 = 1.26 − coupon 0.2 − voucher 0.06 = 1.00; 11 GB × 0.12 = 1.32 paid half from credit, half by the card
    expect(nov4storage).toMatchObject({
      count: 21.5, originAmount: 2.58, couponAmount: 0.26, billingResult: 2.32, deductionAmount: 1.32, storedCardAmount: 0.66, cashAmount: 0.66,
      oweAmount: 1, consumePlatform: 'card', customerIdentifier: 'visa ****4242',
    });
    expect(response.text).toContain('"count":21.5');
  });

  it('agrees with the seed 004 hourly details of the same bill to the minor unit', async () => {
    const daily = ((await get(keyA, { startDate: '20261101', endDate: '20261130' })).json as { content: Row[] }).content;
    const hourly = await callRoute(hourlyDetails, { path: `/v1/bills/${billA.bill.id}/hourlyDetails?page_size=500`, params: { bill_id: billA.bill.id }, headers: bearer(keyA) });
    const details = (hourly.json as { bill_hourly_details: { bill_month: string; billing_item_property_name: string; amount: { units: number; nanos: number } }[] }).bill_hourly_details;
    for (const row of daily) {
      const day = row.consumeTimeOfDay.replaceAll('-', '');
      const matching = details.filter((d) => d.bill_month.startsWith(day) && d.billing_item_property_name === row.tag6);
      expect(sum(matching.map((d) => fromWireMoney(d.amount))).toFixed(), `${day} ${row.tag6}`).toBe(money(String(row.billingResult)).toFixed());
    }
    expect(sum(daily.map((row) => money(String(row.billingResult)))).toFixed()).toBe(billA.total.toFixed());
  });

  it('DF-API-KEY works as a credential; 401 without one, in the seed envelope', async () => {
    expect((await get(keyA, { startDate: '20261103', endDate: '20261103' }, 'df')).status).toBe(200);
    const anonymous = await get(null, { startDate: '20261103', endDate: '20261103' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ code: 401, content: [], success: false });
  });

  it('400 with the seed\'s error body for missing, malformed, impossible, reversed or too-long ranges — never 500', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ endDate: '20261130' }, 'INVALID_ARGUMENT'],
      [{ startDate: '20261101' }, 'INVALID_ARGUMENT'],
      [{ startDate: '2026-11-01', endDate: '20261130' }, 'INVALID_ARGUMENT'],
      [{ startDate: '20230231', endDate: '20230301' }, 'INVALID_DATE'],
      [{ startDate: '20261301', endDate: '20261302' }, 'INVALID_DATE'],
      [{ startDate: '20261130', endDate: '20261101' }, 'DATE_RANGE_REVERSED'],
      [{ startDate: '20260101', endDate: '20261130' }, 'DATE_RANGE_TOO_LONG'],
      [{ startDate: '20261101', endDate: '20261130', extra: '1' }, 'INVALID_ARGUMENT'],
    ];
    for (const [query, errorCode] of cases) {
      const response = await get(keyA, query);
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(response.json, JSON.stringify(query)).toMatchObject({ code: 400, content: [], errorCode, success: false });
      expect((response.json as { message: string }).message.length).toBeGreaterThan(0);
    }
    expect((await get(keyA, { startDate: '20260801', endDate: '20261101' })).status).toBe(200); // exactly 92 days apart
  });

  it('differential isolation: B\'s key reads B\'s own (empty) days and nothing of A', async () => {
    const ofB = await get(keyB, { startDate: '20261101', endDate: '20261130' });
    expect(ofB.status).toBe(200);
    expect((ofB.json as { content: unknown[] }).content).toEqual([]);
    for (const secret of [a.tenant.id, billA.lines[0]!.id]) expect(ofB.text).not.toContain(secret);
  });
});
