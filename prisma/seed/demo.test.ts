import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/db';
import { Decimal, money, roundToMinor, sum, ZERO } from '../../server/money';
import { listBillHourlyDetails } from '../../server/bills/hourly-details';
import { listDailyBillDetails } from '../../server/bills/daily-detail';
import { fromWireMoney } from '../../server/bills/money-wire';
import { now } from '../../server/clock';
import { addLocalMonths } from '../../server/time/zoned';
import { localMonthBounds } from '../../server/usage-pricing/periods';
import { seedDemo } from './demo';
import { LATE_EVENT_ID } from './history-refunds';
import { allHourlyRows } from '../../test/bill-rows';

/**
 * The whole demo seed, replayed into the test database (about a minute and a half): what it leaves
 * behind holds coupons, vouchers, one unpaid usage bill, a refunded usage invoice and a reconciled
 * late event, Acme's collection story (a failed invoice paid by the retry, one past due), and its
 * three sources of money agree.
 */
const TENANTS = ['tnt_demo', 'tnt_acme'];
let dataDir: string;

beforeAll(async () => {
  // The seed writes demo credentials under the data directory: a throwaway one here.
  dataDir = mkdtempSync(join(tmpdir(), 'counterfoil-seed-test-'));
  process.env.COUNTERFOIL_DATA_DIR = dataDir;
  await seedDemo();
}, 900_000);

afterAll(() => {
  delete process.env.COUNTERFOIL_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});


const minor = (d: Decimal, currency: string) => roundToMinor(d, currency).toFixed(2);

describe('the demo seed', () => {
  it('gives both tenants coupon and voucher amounts on the bills of the last three months', async () => {
    for (const tenantId of TENANTS) {
      const lines = await prisma.chargeLine.groupBy({
        by: ['billId'], where: { tenantId }, _sum: { couponAmount: true, voucherAmount: true },
      });
      const bills = await prisma.bill.findMany({ where: { tenantId, id: { in: lines.map((l) => l.billId) } }, orderBy: { billMonth: 'desc' } });
      const byBill = new Map(lines.map((l) => [l.billId, l._sum]));
      // The three calendar months before the current one (the current month's bill may still be
      // open, whatever day of the month the test runs on).
      const { billingTimezone: zone } = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { billingTimezone: true } });
      const current = localMonthBounds(now(), zone);
      const months = [1, 2, 3].map((k) => localMonthBounds(addLocalMonths(current.start, zone, -k, 1), zone).billMonth);
      for (const month of months) {
        const sums = bills.filter((b) => b.billMonth === month).map((b) => byBill.get(b.id)!);
        expect(sums.length, `${tenantId} ${month} bills`).toBeGreaterThan(0);
        expect(sum(sums.map((x) => money(x.couponAmount ?? ZERO))).gt(0), `${tenantId} ${month} coupon`).toBe(true);
        expect(sum(sums.map((x) => money(x.voucherAmount ?? ZERO))).gt(0), `${tenantId} ${month} voucher`).toBe(true);
      }
      const redeemed = await prisma.voucherRedemption.count({ where: { tenantId } });
      expect(redeemed, tenantId).toBeGreaterThanOrEqual(2);
    }
  });

  it('leaves exactly one usage invoice unpaid — Acme\'s latest — and its bills unpaid', async () => {
    const unpaid = await prisma.billingRecord.findMany({ where: { tenantId: { in: TENANTS }, type: 'usage', status: { in: ['open', 'failed'] } } });
    expect(unpaid.map((r) => r.tenantId)).toEqual(['tnt_acme']);
    const latest = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId: 'tnt_acme', type: 'usage' }, orderBy: { periodStart: 'desc' } });
    expect(unpaid[0]!.id).toBe(latest.id);
    const attempts = await prisma.paymentAttempt.findMany({ where: { tenantId: 'tnt_acme', billingRecordId: latest.id } });
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((a) => a.status === 'failed')).toBe(true);
    const bills = await prisma.bill.findMany({ where: { tenantId: 'tnt_acme', chargeLines: { some: { billingRecordId: latest.id } } } });
    expect(bills.length).toBeGreaterThan(0);
    for (const bill of bills) expect(['due', 'failed'], bill.billMonth).toContain(bill.state);
    // The renewal the declined card could not pay was wired: Acme's subscription is live.
    const sub = await prisma.subscription.findFirstOrThrow({ where: { tenantId: 'tnt_acme', endedAt: null }, orderBy: { startedAt: 'desc' } });
    expect(sub.status).toBe('active');
  });

  it('Acme\'s collection story: renewals declined by the primary and paid by the secondary, one refunded to the card, the failed workshop paid by the retry when a new card came, one past-due invoice', async () => {
    const acme = 'tnt_acme';
    const invoices = await prisma.billingRecord.findMany({ where: { tenantId: acme, status: { not: 'draft' } }, include: { paymentAttempts: { orderBy: { attemptNumber: 'asc' } } } });
    const charges = (invoice: (typeof invoices)[number]) => invoice.paymentAttempts.filter((a) => a.kind === 'charge');
    // Failed on the primary, paid by the secondary at the same dunning step.
    const bySecondary = invoices.filter((invoice) => {
      const paid = charges(invoice).find((a) => a.status === 'succeeded' && a.provider === 'sandbox');
      return paid && charges(invoice).some((a) => a.status === 'failed' && a.declineCode === 'card_declined' && a.step === paid.step && a.paymentMethodId !== paid.paymentMethodId);
    });
    expect(bySecondary.length).toBeGreaterThan(1);
    // Finance refunded one card payment.
    expect(invoices.filter((invoice) => invoice.status === 'refunded')).toHaveLength(1);
    // The workshop: every dunning step failed (`failed`), then the new secondary card's retry paid it.
    const workshop = invoices.find((invoice) => invoice.description === 'Onboarding workshop')!;
    expect(workshop.status).toBe('paid');
    const steps = charges(workshop).filter((a) => a.attemptKey.startsWith('step:'));
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps.every((a) => a.status === 'failed')).toBe(true);
    const retries = charges(workshop).filter((a) => a.attemptKey.startsWith('retry:'));
    expect(retries.map((a) => a.status)).toEqual(['failed', 'succeeded']);
    expect(workshop.paymentMethodId).toBe(retries[1]!.paymentMethodId);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: acme, action: 'invoice.pay', targetId: workshop.id } });
    expect(audit.before).toEqual({ status: 'failed' });
    // One invoice besides the disputed usage invoice is still owed: the training day, failed at every step and past due.
    const owed = invoices.filter((invoice) => invoice.type !== 'usage' && ['open', 'failed'].includes(invoice.status));
    expect(owed.map((invoice) => [invoice.description, invoice.status])).toEqual([['Extra training day', 'failed']]);
    expect(owed[0]!.dueAt!.getTime()).toBeLessThan(now().getTime());
    expect(charges(owed[0]!).length).toBeGreaterThanOrEqual(4);
    expect(charges(owed[0]!).every((a) => a.status === 'failed' && a.attemptKey.startsWith('step:'))).toBe(true);
    expect(await prisma.billingRecord.count({ where: { tenantId: 'tnt_demo', status: 'failed' } })).toBe(0);
  });

  it('refunds one paid usage invoice of the last three months and reconciles a late event: CT_REFUND and CT_RECONCILIATION rows on the recent bills', async () => {
    const threeMonthsBack = new Map<string, string>();
    for (const tenantId of TENANTS) {
      const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } });
      const current = localMonthBounds(now(), tenant.billingTimezone);
      threeMonthsBack.set(tenantId, localMonthBounds(addLocalMonths(current.start, tenant.billingTimezone, -3, 1), tenant.billingTimezone).billMonth);
    }
    const recentBills = async (tenantId: string) => prisma.bill.findMany({ where: { tenantId, billMonth: { gte: threeMonthsBack.get(tenantId)! } }, select: { id: true, billMonth: true } });

    // The refund: the demo tenant's one refunded usage invoice, given back by CT_REFUND rows on a recent bill (filterable in 004).
    const refunded = await prisma.billingRecord.findMany({ where: { tenantId: { in: TENANTS }, type: 'usage', status: 'refunded' } });
    expect(refunded.map((r) => r.tenantId)).toEqual(['tnt_demo']);
    const refundLines = await prisma.chargeLine.findMany({ where: { tenantId: 'tnt_demo', consumeType: 'refund' }, select: { billId: true, billingRecordId: true } });
    expect(refundLines.length).toBeGreaterThan(0);
    expect(refundLines.every((l) => l.billingRecordId === refunded[0]!.id)).toBe(true);
    const demoRecent = await recentBills('tnt_demo');
    let refundRows = 0;
    for (const bill of demoRecent) {
      const page = await listBillHourlyDetails({ tenantId: 'tnt_demo', billId: bill.id, query: { filter: 'consume_type = "CT_REFUND"', page_size: 1 } });
      expect(page.bill_hourly_details.every((d) => d.consume_type === 'CT_REFUND'), bill.billMonth).toBe(true);
      refundRows += page.total_size;
    }
    expect(refundRows).toBe(refundLines.length);

    // The late event: the pricing job reconciled its closed period into a line billed by the next period's invoice.
    const late = await prisma.usageEvent.findFirstOrThrow({ where: { tenantId: 'tnt_demo', eventId: LATE_EVENT_ID } });
    const lateHour = new Date(Math.floor(late.occurredAt.getTime() / 3_600_000) * 3_600_000);
    const reconciled = await prisma.chargeLine.findMany({ where: { tenantId: 'tnt_demo', consumeType: 'reconciliation', resourceType: 'bandwidth_gb', hourStart: lateHour } });
    expect(reconciled.length).toBeGreaterThan(0);
    const ofPeriod = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId: 'tnt_demo', type: 'usage', periodStart: { lte: lateHour }, periodEnd: { gt: lateHour } } });
    for (const line of reconciled) {
      expect(money(line.quantity).gt(0)).toBe(true);
      const billedBy = await prisma.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId: 'tnt_demo', id: line.billingRecordId! } } });
      expect(billedBy.periodStart!.getTime()).toBe(ofPeriod.periodEnd!.getTime());
    }
    // And on the recent bills of 004, with their filter.
    let reconciliationRows = 0;
    for (const tenantId of TENANTS) {
      for (const bill of await recentBills(tenantId)) {
        reconciliationRows += (await listBillHourlyDetails({ tenantId, billId: bill.id, query: { filter: 'consume_type = "CT_RECONCILIATION"', page_size: 1 } })).total_size;
      }
    }
    expect(reconciliationRows).toBeGreaterThan(0);
    expect(demoRecent.some((b) => reconciled.some((l) => l.billId === b.id))).toBe(true);
  });

  it('for every seeded usage invoice, its 004 rows and its line items agree per resource type; 002 and 004 agree per day and meter', async () => {
    for (const tenantId of TENANTS) {
      const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } });
      const rows = await allHourlyRows(tenantId);
      const recordOf = new Map((await prisma.chargeLine.findMany({ where: { tenantId }, select: { id: true, billingRecordId: true } })).map((l) => [l.id, l.billingRecordId]));
      expect(rows.length).toBe(recordOf.size);
      const invoices = await prisma.billingRecord.findMany({ where: { tenantId, type: 'usage' }, include: { lineItems: true } });
      expect(invoices.length, tenantId).toBeGreaterThanOrEqual(2);
      for (const invoice of invoices) {
        // What the invoice billed (consumption and reconciliation rows), and the CT_REFUND rows that give it back when it was refunded.
        const billed = rows.filter((r) => recordOf.get(r.id) === invoice.id && r.consume_type !== 'CT_REFUND');
        const refunds = rows.filter((r) => recordOf.get(r.id) === invoice.id && r.consume_type === 'CT_REFUND');
        const types = new Set(invoice.lineItems.map((l) => l.resourceType ?? ''));
        for (const type of types) {
          const invoiced = sum(invoice.lineItems.filter((l) => l.resourceType === type).map((l) => l.amount));
          const hourly = sum(billed.filter((r) => r.billing_item_property_name === type).map((r) => fromWireMoney(r.amount)));
          expect({ invoice: invoice.id, type, amount: minor(hourly, tenant.currency) }).toEqual({ invoice: invoice.id, type, amount: minor(invoiced, tenant.currency) });
        }
        const billedTotal = sum(billed.map((r) => fromWireMoney(r.amount)));
        expect(invoice.subtotal.toFixed(2)).toBe(minor(billedTotal, tenant.currency));
        if (invoice.status === 'refunded') {
          expect(refunds.length, invoice.id).toBe(billed.length);
          expect(sum(refunds.map((r) => fromWireMoney(r.amount))).toFixed(9), invoice.id).toBe(ZERO.minus(billedTotal).toFixed(9));
        } else {
          expect(refunds, invoice.id).toEqual([]);
        }
      }
      // 002: per local day and meter, the daily rows add up to the 004 rows of that day (in ranges of at most 92 days).
      const days = [...new Set(rows.map((r) => r.bill_month.slice(0, 8)))].sort();
      for (let i = 0; i < days.length; i += 60) {
        const chunk = days.slice(i, i + 60);
        const daily = await listDailyBillDetails({ tenantId, query: { startDate: chunk[0]!, endDate: chunk.at(-1)! } });
        const dailyBy = new Map<string, Decimal>();
        for (const d of daily) {
          const key = `${d.consumeTimeOfDay.replaceAll('-', '')}|${d.tag6}`;
          dailyBy.set(key, (dailyBy.get(key) ?? ZERO).plus(money(d.billingResult)));
        }
        const hourlyBy = new Map<string, Decimal>();
        for (const r of rows.filter((row) => chunk.includes(row.bill_month.slice(0, 8)))) {
          const key = `${r.bill_month.slice(0, 8)}|${r.billing_item_property_name}`;
          hourlyBy.set(key, (hourlyBy.get(key) ?? ZERO).plus(fromWireMoney(r.amount)));
        }
        const show = (m: Map<string, Decimal>) => [...m].filter(([, v]) => !v.isZero()).map(([k, v]) => `${k} ${v.toFixed(9)}`).sort();
        expect(show(dailyBy), tenantId).toEqual(show(hourlyBy));
      }
    }
  });
});
