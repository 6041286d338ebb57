import { TRPCError } from '@trpc/server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant } from '@/prisma/seed/factories';
import { FIXTURE_DATES, seedInvoiceFixture, type InvoiceFixture } from '@/test/invoice-fixture';
import { callerFor } from '@/test/harness';
import { setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { listInvoices } from './list-invoices';

let fx: InvoiceFixture;
const scope = () => ({ tenantId: fx.tenantId, timeZone: 'Asia/Shanghai' });
// Newest first; the add-on and the proration share created_at, so the larger id comes first.
const newestFirst = () => {
  const tied = [fx.ids.addon, fx.ids.proration].sort().reverse();
  return [fx.ids.draft, fx.ids.refunded, ...tied, fx.ids.usage, fx.ids.subscription];
};

beforeAll(async () => {
  fx = await seedInvoiceFixture();
});

afterEach(() => useSystemClock());

describe('invoices.list', () => {
  it('lists every invoice newest first, ties by id, with amounts and amount due', async () => {
    setClock(new Date('2034-03-10T00:00:00Z'));
    const page = await listInvoices({ limit: 100, direction: 'older' }, scope());
    expect(page.total).toBe(6);
    expect(page.items.map((row) => row.id)).toEqual(newestFirst());
    const byId = new Map(page.items.map((row) => [row.id, row]));
    expect(byId.get(fx.ids.subscription)).toMatchObject({ type: 'subscription', status: 'paid', amount: '104.94', amountDue: '0', overdue: false, invoiceNumber: expect.stringMatching(/^INV-2034-\d{3,}$/) });
    // 12.34 + 0.74 + 7.50 + 0.45: each line's tax rounded half up on its own.
    expect(byId.get(fx.ids.usage)).toMatchObject({ status: 'open', amount: '21.03', amountDue: '21.03', appId: fx.appId, overdue: true });
    expect(byId.get(fx.ids.addon)).toMatchObject({ status: 'failed', amount: '31.8', amountDue: '31.8', overdue: false });
    expect(byId.get(fx.ids.proration)).toMatchObject({ status: 'void', amount: '47.87', amountDue: '0' });
    expect(byId.get(fx.ids.draft)).toMatchObject({ status: 'draft', invoiceNumber: null, amountDue: '0' });
    expect(page.olderCursor).toBeNull();
    expect(page.newerCursor).toBeNull();
  });

  it('filters by status, type, app and local dates (the tenant’s timezone), and counts what matches', async () => {
    const ids = async (filter: Parameters<typeof listInvoices>[0]) => (await listInvoices(filter, scope())).items.map((row) => row.id);
    const base = { limit: 100, direction: 'older' as const };
    expect(await ids({ ...base, status: 'failed' })).toEqual([fx.ids.addon]);
    expect(await ids({ ...base, type: 'subscription' })).toEqual([fx.ids.refunded, fx.ids.subscription]);
    expect(await ids({ ...base, type: 'subscription', status: 'paid' })).toEqual([fx.ids.subscription]);
    expect(await ids({ ...base, appId: fx.appId })).toEqual([fx.ids.usage]);
    expect(await ids({ ...base, appId: 'app_nothing' })).toEqual([]);
    // 2034-01-04T16:30Z is 5 January in Shanghai: a UTC reading would put it on the 4th.
    expect(await ids({ ...base, from: '2034-01-05', to: '2034-01-05' })).toEqual([fx.ids.subscription]);
    expect(await ids({ ...base, to: '2034-01-04' })).toEqual([]);
    expect(await ids({ ...base, from: '2034-03-01', to: '2034-04-30' })).toEqual(newestFirst().slice(1, 4));
    expect((await listInvoices({ ...base, from: '2034-03-01' }, scope())).total).toBe(4);
  });

  it('pages by keyset both ways without repeating or skipping a row across the tie', async () => {
    const seen: string[] = [];
    const pages: Awaited<ReturnType<typeof listInvoices>>[] = [];
    let cursor: string | null = null;
    do {
      const page = await listInvoices({ limit: 2, direction: 'older', cursor }, scope());
      expect(page.total).toBe(6);
      pages.push(page);
      seen.push(...page.items.map((row) => row.id));
      cursor = page.olderCursor;
    } while (cursor);
    expect(seen).toEqual(newestFirst());
    expect(pages).toHaveLength(3);
    expect(pages[0]!.newerCursor).toBeNull();
    // Back from the last page: the middle page again, then the first (a full page, with no way further back).
    const middle = await listInvoices({ limit: 2, direction: 'newer', cursor: pages[2]!.newerCursor }, scope());
    expect(middle.items.map((row) => row.id)).toEqual(pages[1]!.items.map((row) => row.id));
    expect(middle.olderCursor).not.toBeNull();
    const first = await listInvoices({ limit: 2, direction: 'newer', cursor: middle.newerCursor }, scope());
    expect(first.items.map((row) => row.id)).toEqual(pages[0]!.items.map((row) => row.id));
    expect(first.newerCursor).toBeNull();
  });

  it('refuses a forged cursor and reversed dates with BAD_REQUEST', async () => {
    const owner = await callerFor(fx.seeded.users.viewer.id, fx.tenantId);
    for (const input of [
      { cursor: 'not-a-cursor' }, { cursor: Buffer.from('2034-01-01T00:00:00Z|x y').toString('base64url') },
      { from: '2034-03-02', to: '2034-03-01' }, { from: '2034-02-30' }, { status: 'overdue' }, { appId: 'a b' }, { limit: 101 }, { tenantId: 'tnt_x' },
    ]) {
      const error = await owner.invoices.list(input as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code, JSON.stringify(input)).toBe('BAD_REQUEST');
    }
  });
});

describe('invoices.detail', () => {
  it('gives the lines, totals, credit applied, amount paid and due, and the dates of its states', async () => {
    setClock(new Date('2034-03-10T00:00:00Z'));
    const viewer = await callerFor(fx.seeded.users.viewer.id, fx.tenantId);
    const sub = await viewer.invoices.detail({ invoiceId: fx.ids.subscription });
    expect(sub).toMatchObject({
      subtotal: '99', taxAmount: '5.94', amount: '104.94', creditApplied: '50', amountPaid: '54.94', amountDue: '0', currency: 'CNY',
      periodStart: FIXTURE_DATES.subscription, history: { createdAt: FIXTURE_DATES.subscription, finalizedAt: FIXTURE_DATES.subscription, paidAt: new Date('2034-01-06T02:00:00Z'), voidedAt: null },
    });
    expect(sub.lines).toEqual([expect.objectContaining({ position: 1, quantity: '1', unitPrice: '99', amount: '99', taxRate: '0.06', taxAmount: '5.94', total: '104.94', description: '专业版月度订阅' })]);
    const usage = await viewer.invoices.detail({ invoiceId: fx.ids.usage });
    expect(usage.lines.map((line) => [line.quantity, line.unitPrice, line.amount, line.taxAmount, line.total])).toEqual([
      ['1234', '0.01', '12.34', '0.74', '13.08'], ['3', '2.5', '7.5', '0.45', '7.95'],
    ]);
    expect(usage).toMatchObject({ subtotal: '19.84', taxAmount: '1.19', amount: '21.03', creditApplied: '0', amountPaid: '0', amountDue: '21.03', overdue: true });
    expect(usage.history.dueAt).toEqual(new Date(FIXTURE_DATES.usage.getTime() + 14 * 86_400_000));
    const refunded = await viewer.invoices.detail({ invoiceId: fx.ids.refunded });
    expect(refunded).toMatchObject({ status: 'refunded', amountPaid: '104.94', amountDue: '0', history: { refundedAt: new Date('2034-04-07T03:00:00Z') } });
    const voided = await viewer.invoices.detail({ invoiceId: fx.ids.proration });
    expect(voided).toMatchObject({ amountPaid: '0', amountDue: '0', history: { voidedAt: new Date('2034-03-06T02:00:00Z') } });
  });

  it('another tenant’s invoice id is NOT_FOUND, worded as an unknown one', async () => {
    const other = await seedTestTenant('USD');
    const caller = await callerFor(other.users.owner.id, other.tenant.id);
    const foreign = await caller.invoices.detail({ invoiceId: fx.ids.usage }).catch((e: unknown) => e);
    const unknown = await caller.invoices.detail({ invoiceId: 'rec_doesnotexist00' }).catch((e: unknown) => e);
    expect((foreign as TRPCError).code).toBe('NOT_FOUND');
    expect((foreign as TRPCError).message).toBe((unknown as TRPCError).message);
    expect(JSON.stringify(foreign)).not.toContain(fx.tenantId);
    expect(await prisma.billingRecord.count({ where: { tenantId: other.tenant.id } })).toBe(0);
  });
});
