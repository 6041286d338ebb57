import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/web/namespaces/[namespace]/usage/invoices/custom_list/route';
import { seedApiKey, seedTestTenant } from '@/prisma/seed/factories';
import { setClock, useSystemClock } from '@/server/clock';
import { bearer, callRoute } from '@/test/harness';
import { invoiceNumbers, seedInvoiceFixture, type InvoiceFixture } from '@/test/invoice-fixture';
import { f5InvoiceStatus } from './f5-invoices';

const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ['int32', 'int64', 'double', 'boolean', 'date-time', 'byte', 'uuid', 'hostname', 'email']) ajv.addFormat(format, true);
ajv.addSchema(JSON.parse(readFileSync(new URL('../../test/fixtures/f5-billing-schemas.json', import.meta.url), 'utf8')), 'f5');
const validate = ajv.compile({
  allOf: [{ $ref: 'f5#/components/invoiceListInvoicesRsp' }],
  required: ['invoices'],
  properties: { invoices: { type: 'array', items: { allOf: [{ $ref: 'f5#/components/invoiceInvoiceType' }], required: ['name', 'active', 'amount', 'currency', 'status'] } } },
});

let fx: InvoiceFixture;
let numbers: Map<string, string | null>;
type Invoice = { name: string; active: boolean; amount: string; currency: string; status: string; period_start?: string; period_end?: string };

const list = (headers: Record<string, string>, query = '', namespace = 'system') =>
  callRoute(GET, { path: `/api/web/namespaces/${namespace}/usage/invoices/custom_list${query}`, params: { namespace }, headers });

beforeAll(async () => {
  fx = await seedInvoiceFixture();
  numbers = await invoiceNumbers(fx.tenantId);
});

afterEach(() => useSystemClock());

/** A key of its own for a test on a frozen clock: the rate limiter's bucket must not see time run backwards. */
const keyForClock = async () => (await seedApiKey(fx.seeded, ['read'], 'clocked')).key;

describe('GET usage/invoices/custom_list (F5 ListInvoices)', () => {
  it('lists the numbered invoices newest first as F5 Invoice, valid against the F5 schema, with F5 statuses', async () => {
    const key = await keyForClock();
    setClock(new Date('2034-03-10T00:00:00Z'));
    const res = await list(bearer(key));
    expect(res.status, res.text).toBe(200);
    expect(validate(res.json), JSON.stringify(validate.errors)).toBe(true);
    const { invoices } = res.json as { invoices: Invoice[] };
    const name = (id: string) => numbers.get(id)!;
    // The draft has no number and is not listed; the tie at 2034-03-05 goes by record id, descending.
    const tied = [fx.ids.addon, fx.ids.proration].sort().reverse();
    expect(invoices.map((invoice) => invoice.name)).toEqual([fx.ids.refunded, ...tied, fx.ids.usage, fx.ids.subscription].map(name));
    const byName = new Map(invoices.map((invoice) => [invoice.name, invoice]));
    expect(byName.get(name(fx.ids.subscription))).toEqual({
      name: name(fx.ids.subscription), active: false, amount: '10494', currency: 'CNY', status: 'STATUS_PAID',
      period_start: '2034-01-04T16:30:00Z', period_end: '2034-02-04T16:00:00Z',
    });
    expect(byName.get(name(fx.ids.usage))).toEqual({ name: name(fx.ids.usage), active: true, amount: '2103', currency: 'CNY', status: 'OVERDUE' });
    expect(byName.get(name(fx.ids.addon))).toMatchObject({ active: true, amount: '3180', status: 'STATUS_PENDING' });
    expect(byName.get(name(fx.ids.proration))).toMatchObject({ active: false, amount: '4787', status: 'STATUS_CANCELLED' });
    expect(byName.get(name(fx.ids.refunded))).toMatchObject({ active: false, status: 'STATUS_REFUNDED' });
  });

  it('an open invoice before its due date is ISSUED, after it OVERDUE; limit keeps the newest; any namespace of the tenant answers', async () => {
    const key = await keyForClock();
    setClock(new Date('2034-02-06T00:00:00Z'));
    const early = (await list(bearer(key))).json as { invoices: Invoice[] };
    expect(early.invoices.find((invoice) => invoice.name === numbers.get(fx.ids.usage))!.status).toBe('STATUS_ISSUED');
    const two = await list(bearer(key), '?limit=2', 'web');
    expect(two.status, two.text).toBe(200);
    expect(validate(two.json)).toBe(true);
    expect((two.json as { invoices: Invoice[] }).invoices.map((invoice) => invoice.name)).toEqual(early.invoices.slice(0, 2).map((invoice) => invoice.name));
  });

  it('maps every status as WIRE.md says', () => {
    expect(f5InvoiceStatus('open', false)).toBe('STATUS_ISSUED');
    expect(f5InvoiceStatus('failed', false)).toBe('STATUS_PENDING');
    expect(f5InvoiceStatus('open', true)).toBe('OVERDUE');
    expect(f5InvoiceStatus('failed', true)).toBe('OVERDUE');
    expect(f5InvoiceStatus('paid', false)).toBe('STATUS_PAID');
    expect(f5InvoiceStatus('refunded', false)).toBe('STATUS_REFUNDED');
    expect(f5InvoiceStatus('void', false)).toBe('STATUS_CANCELLED');
  });

  it('400 (a bare JSON string) for a bad limit or an unknown parameter; 401 without a valid credential', async () => {
    for (const query of ['?limit=0', '?limit=1001', '?limit=-1', '?limit=abc', '?limit=', '?limit=2.5', '?limit=1&limit=2', '?name=x']) {
      const res = await list(bearer(fx.key), query);
      expect(res.status, `${query}: ${res.text}`).toBe(400);
      expect(typeof res.json).toBe('string');
    }
    for (const headers of [{}, { authorization: 'Bearer garbage' }, { authorization: 'APIToken garbage' }] as Record<string, string>[]) {
      const res = await list(headers);
      expect(res.status, res.text).toBe(401);
      expect(typeof res.json).toBe('string');
    }
  });

  it('differential isolation: another tenant sees only its own invoices; a namespace it lacks is 404 with nothing of A', async () => {
    const other = await seedTestTenant('USD');
    const keyB = (await seedApiKey(other, ['read'])).key;
    const theirs = await list(bearer(keyB));
    expect(theirs.json).toEqual({ invoices: [] });
    const foreignNs = await list(bearer(keyB), '', 'nope');
    expect(foreignNs.status).toBe(404);
    expect(foreignNs.json).toBe('namespace "nope" not found');
    for (const number of numbers.values()) if (number) expect(theirs.text + foreignNs.text).not.toContain(number);
  });
});
