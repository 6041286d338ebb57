import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportInvoices } from '@/app/t/[tenantId]/invoices/export/route';
import { seedTestTenant } from '@/prisma/seed/factories';
import { callRoute, sessionCookieFor } from '@/test/harness';
import { invoiceNumbers, seedInvoiceFixture, type InvoiceFixture } from '@/test/invoice-fixture';
import { INVOICE_CSV_COLUMNS } from './csv';
import { invoiceUrlState } from './filter-options';

let fx: InvoiceFixture;
let numbers: Map<string, string | null>;

const csv = (tenantId: string, cookie: string, query = '') =>
  callRoute(exportInvoices as never, { path: `/t/${tenantId}/invoices/export${query}`, headers: cookie ? { cookie } : {}, params: { tenantId } });

beforeAll(async () => {
  fx = await seedInvoiceFixture();
  numbers = await invoiceNumbers(fx.tenantId);
});

describe('invoices CSV export', () => {
  it('streams the filtered table as CSV, newest first, money exact, cells safe to open in a spreadsheet', async () => {
    const cookie = await sessionCookieFor(fx.seeded.users.viewer.id);
    const all = await csv(fx.tenantId, cookie);
    expect(all.status, all.text).toBe(200);
    expect(all.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(all.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="invoices-${fx.tenantId}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const lines = all.text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(INVOICE_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(new RegExp(`^,${fx.ids.draft},2034-05-05,2034-05-05T02:00:00Z,adjustment,draft,false,Draft adjustment,,CNY,10.6,0,$`));
    const subscription = lines.find((line) => line.includes(fx.ids.subscription))!;
    // Issued on 5 January in Shanghai although 4 January in UTC.
    expect(subscription).toBe(`${numbers.get(fx.ids.subscription)},${fx.ids.subscription},2034-01-05,2034-01-04T16:30:00Z,subscription,paid,false,专业版月度订阅,,CNY,104.94,0,2034-01-18T16:30:00Z`);

    const usage = await csv(fx.tenantId, cookie, `?type=usage&appId=${fx.appId}&from=2034-02-01&to=2034-02-28&status=`);
    const [header, row, ...rest] = usage.text.split('\r\n').filter(Boolean);
    expect(header).toBe(INVOICE_CSV_COLUMNS.join(','));
    expect(rest).toEqual([]);
    expect(row).toContain(`,${fx.appId},CNY,21.03,21.03,`);
    // Not overdue yet on the real clock (due in 2034); the comma in the description is quoted.
    expect(row).toContain(',usage,open,false,"API usage, January",');
  });

  it('a description starting with a formula character is neutralised and quotes are escaped', async () => {
    const cookie = await sessionCookieFor(fx.seeded.users.owner.id);
    // The fixture's usage lines hold "=SUM(A1)" and quotes; the invoice description is what the table shows.
    const { prisma } = await import('../db');
    await prisma.billingRecord.update({ where: { tenantId_id: { tenantId: fx.tenantId, id: fx.ids.addon } }, data: { description: '=HYPERLINK("http://x","y")' } });
    const res = await csv(fx.tenantId, cookie, '?status=failed');
    const row = res.text.split('\r\n')[1]!;
    expect(row).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
  });

  it('401 signed out, 404 for another tenant’s members (as for a tenant that does not exist), 400 for bad filters', async () => {
    expect((await csv(fx.tenantId, '')).status).toBe(401);
    const other = await seedTestTenant('USD');
    const cookieB = await sessionCookieFor(other.users.owner.id);
    const foreign = await csv(fx.tenantId, cookieB);
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe((await csv('tnt_doesnotexist', cookieB)).text);
    expect(foreign.text).not.toContain(fx.ids.usage);
    const cookie = await sessionCookieFor(fx.seeded.users.viewer.id);
    for (const query of ['?status=overdue', '?type=x', '?from=2034-13-01', '?from=2034-03-02&to=2034-03-01', '?appId=a%20b', '?cursor=x', '?bogus=1']) {
      expect((await csv(fx.tenantId, cookie, query)).status, query).toBe(400);
    }
  });
});

describe('invoices page URL state', () => {
  it('reads filters and the keyset position from the query string; invalid filters are dropped as a whole', () => {
    expect(invoiceUrlState({ status: 'paid', type: '', appId: 'app_1', from: '2034-01-01', cursor: 'abc', dir: 'newer' }))
      .toEqual({ filters: { status: 'paid', appId: 'app_1', from: '2034-01-01' }, cursor: 'abc', direction: 'newer', invalid: false });
    expect(invoiceUrlState({ status: 'overdue', type: 'usage', cursor: 'abc' })).toEqual({ filters: {}, cursor: null, direction: 'older', invalid: true });
    expect(invoiceUrlState({ status: ['open', 'paid'], dir: 'sideways' })).toEqual({ filters: { status: 'open' }, cursor: null, direction: 'older', invalid: false });
  });
});
