import { afterEach, describe, expect, it } from 'vitest';
import { seedTenant, uniqueSuffix, type SeededTenant } from '../../prisma/seed/factories';
import { now, setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { Decimal, money, roundToMinor, sum, ZERO } from '../money';
import { startSubscription } from '../subscriptions/start-subscription';
import { renewDueSubscriptions } from '../subscriptions/renew-subscriptions';
import { runDueJobs } from '../jobs/run-due';
import { usagePeriodClose, usagePeriodCloseSweep } from '../jobs/metered-billing-jobs';
import { ingestAndPrice } from '../../test/usage-pricing-fixture';
import type { UsageEventInput } from '../usage/schema';
import { toLocal } from '../time/zoned';
import { localMonthBounds } from '../usage-pricing/periods';
import { listDailyBillDetails } from '../bills/daily-detail';
import { fromWireMoney } from '../bills/money-wire';
import { refundInvoice, settleBankTransfer, voidInvoice } from '../collection/finance';
import { SYSTEM_ACTOR } from '../audit/actor';
import { grantCoupon } from '../discounts/coupons';
import { issueVoucher } from '../discounts/vouchers';
import { allHourlyRows } from '../../test/bill-rows';

const HOUR = 3_600_000;
const ZONE = 'Asia/Shanghai';
const jobs = [usagePeriodCloseSweep, usagePeriodClose];

const compact = (instant: Date) => {
  const l = toLocal(instant, ZONE);
  return `${l.year}${String(l.month).padStart(2, '0')}${String(l.day).padStart(2, '0')}`;
};

/** Usage across a period: counters past the free plan's included units, gauges by peak and by average. */
function usageIn(seeded: SeededTenant, tag: string, from: Date, to: Date): UsageEventInput[] {
  const span = to.getTime() - from.getTime() - HOUR;
  const at = (i: number, n: number) => new Date(from.getTime() + Math.floor((span * i) / n) + 7 * 60_000).toISOString();
  const app = (i: number) => [seeded.apps[0]!.id, seeded.apps[1]!.id, null][i % 3];
  const events: UsageEventInput[] = [];
  for (let i = 0; i < 24; i++) events.push({ event_id: `${tag}-api-${i}`, resource_type: 'api_calls', quantity: String(7_919 + i * 1_733), timestamp: at(i, 24), namespace: 'web', app_id: app(i) });
  for (let i = 0; i < 12; i++) events.push({ event_id: `${tag}-bw-${i}`, resource_type: 'bandwidth_gb', quantity: `0.${333 + i * 7}`, timestamp: at(i, 12), namespace: 'system', app_id: null });
  for (let i = 0; i < 10; i++) events.push({ event_id: `${tag}-mau-${i}`, resource_type: 'active_users', quantity: String(900 + i * 37), timestamp: at(i, 10), namespace: 'web', app_id: app(i) });
  for (let i = 0; i < 16; i++) events.push({ event_id: `${tag}-st-${i}`, resource_type: 'storage_gb', quantity: `${3 + (i % 5)}.${127 + i}`, timestamp: at(i, 16), namespace: 'web', app_id: null });
  return events;
}


afterEach(() => useSystemClock());

describe('one source of money: for every period, 004 rows, 002 rows and the usage invoice agree to the minor unit', () => {
  it('two periods of real usage through ingest with a coupon and a voucher, closed by the job, plus a late event reconciled into the next period', async () => {
    const suffix = uniqueSuffix();
    setClock(new Date('2026-03-10T02:00:00Z'));
    const seeded = await seedTenant({ id: `tnt_a${suffix}`, name: `Agree ${suffix}`, currency: 'CNY', locale: 'zh-CN', billingTimezone: ZONE, domain: `${suffix}.test`, apps: ['web', 'mobile'], namespaces: ['web'] });
    const tenantId = seeded.tenant.id;
    await startSubscription({ tenantId, planCode: 'free', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
    // 5 % off all usage for two months; a ¥60 voucher the first close spends, and one of ¥15 valid from the second period.
    await grantCoupon({ tenantId, couponCode: 'WELCOME5', reason: 'test coupon' }, SYSTEM_ACTOR);
    const firstEnd = (await prisma.subscription.findFirstOrThrow({ where: { tenantId } })).currentPeriodEnd;
    await issueVoucher({ tenantId, code: 'AGREE-60', amount: '60', expiresAt: new Date('2026-09-01T00:00:00Z'), resourceType: null, reason: 'test voucher' }, SYSTEM_ACTOR);
    await issueVoucher({ tenantId, code: 'AGREE-15', amount: '15', validFrom: firstEnd, expiresAt: new Date('2026-09-01T00:00:00Z'), resourceType: null, reason: 'test voucher' }, SYSTEM_ACTOR);
    const periods: { start: Date; end: Date }[] = [];
    for (const tag of ['p1', 'p2']) {
      const sub = await prisma.subscription.findFirstOrThrow({ where: { tenantId } });
      periods.push({ start: sub.currentPeriodStart, end: sub.currentPeriodEnd });
      setClock(new Date(sub.currentPeriodEnd.getTime() - 30_000));
      const events = usageIn(seeded, tag, new Date(Math.max(sub.currentPeriodStart.getTime(), Date.parse('2026-03-10T02:00:00Z'))), sub.currentPeriodEnd);
      expect((await ingestAndPrice(seeded, events)).length).toBe(events.length);
      setClock(new Date(sub.currentPeriodEnd.getTime() + HOUR));
      await renewDueSubscriptions({ tenantIds: [tenantId] });
      await runDueJobs({ at: now(), tenantIds: [tenantId], jobs });
      if (tag !== 'p1') continue;
      // After the first period was closed and invoiced, a late event for it: a reconciliation line billed with the second.
      setClock(new Date(sub.currentPeriodEnd.getTime() + 3 * HOUR));
      const late = { event_id: 'late-1', resource_type: 'api_calls', quantity: '55555', timestamp: new Date(sub.currentPeriodEnd.getTime() - 5 * HOUR).toISOString(), namespace: 'web', app_id: null };
      expect(await ingestAndPrice(seeded, [late])).toHaveLength(1);
    }
    const invoices = await prisma.billingRecord.findMany({ where: { tenantId, type: 'usage' }, orderBy: { periodStart: 'asc' }, include: { lineItems: true } });
    expect(invoices.map((i) => i.periodStart!.toISOString())).toEqual(periods.map((p) => p.start.toISOString()));
    const reconciliation = await prisma.chargeLine.findMany({ where: { tenantId, consumeType: 'reconciliation' } });
    expect(reconciliation.length).toBeGreaterThan(0);
    expect(reconciliation.every((l) => l.billingRecordId === invoices[1]!.id)).toBe(true);
    expect(invoices[1]!.lineItems.some((l) => l.description === 'api_calls reconciliation of a closed period')).toBe(true);

    // The coupon and the voucher reached both periods' lines, and the invoices carry them as lines of their own.
    const withCoupon = await prisma.chargeLine.groupBy({ by: ['billingRecordId'], where: { tenantId, couponAmount: { gt: 0 } }, _count: true });
    expect(withCoupon.map((g) => g.billingRecordId).sort()).toEqual(invoices.map((i) => i.id).sort());
    const voucherSpent = await prisma.chargeLine.aggregate({ where: { tenantId, voucherAmount: { gt: 0 } }, _sum: { voucherAmount: true } });
    expect(voucherSpent._sum.voucherAmount?.toFixed(2)).toBe('75.00');
    const ledger = await prisma.voucherRedemption.findMany({ where: { tenantId }, orderBy: { periodStart: 'asc' } });
    expect(ledger.map((r) => [r.periodStart.toISOString(), r.amount.toFixed(2)])).toEqual([[periods[0]!.start.toISOString(), '60.00'], [periods[1]!.start.toISOString(), '15.00']]);
    expect(invoices.flatMap((i) => i.lineItems).some((l) => l.description.endsWith(' coupon'))).toBe(true);
    expect(invoices.flatMap((i) => i.lineItems).some((l) => l.description.endsWith(' voucher'))).toBe(true);

    const rows = await allHourlyRows(tenantId);
    const recordOf = new Map((await prisma.chargeLine.findMany({ where: { tenantId }, select: { id: true, billingRecordId: true } })).map((l) => [l.id, l.billingRecordId]));
    expect(rows.length).toBe(recordOf.size);
    for (const [index, period] of periods.entries()) {
      const invoice = invoices[index]!;
      const daily = await listDailyBillDetails({ tenantId, query: { startDate: compact(period.start), endDate: compact(new Date(period.end.getTime() - 1)) } });
      const recon = rows.filter((r) => r.consume_type === 'CT_RECONCILIATION' && recordOf.get(r.id) === invoice.id);
      for (const type of ['api_calls', 'bandwidth_gb', 'active_users', 'storage_gb']) {
        const invoiced = sum(invoice.lineItems.filter((l) => l.resourceType === type).map((l) => l.amount));
        // 004: the rows this invoice billed; 002: the period's days, less the corrections of it billed later, plus those billed now.
        const hourly = sum(rows.filter((r) => r.billing_item_property_name === type && recordOf.get(r.id) === invoice.id).map((r) => fromWireMoney(r.amount)));
        const laterRecon = rows.filter((r) => r.consume_type === 'CT_RECONCILIATION' && r.billing_item_property_name === type && recordOf.get(r.id) !== invoice.id
          && compact(period.start) <= r.bill_month.slice(0, 8) && r.bill_month.slice(0, 8) <= compact(new Date(period.end.getTime() - 1)));
        const dailySum = sum(daily.filter((d) => d.tag6 === type).map((d) => money(d.billingResult)))
          .minus(sum(laterRecon.map((r) => fromWireMoney(r.amount))))
          .plus(sum(recon.filter((r) => r.billing_item_property_name === type).map((r) => fromWireMoney(r.amount))));
        const m = (d: Decimal) => roundToMinor(d, 'CNY').toFixed(2);
        expect({ type, period: index, hourly: m(hourly), daily: m(dailySum) }).toEqual({ type, period: index, hourly: m(invoiced), daily: m(invoiced) });
      }
      expect(invoice.subtotal.toFixed(2)).toBe(m2(sum(rows.filter((r) => recordOf.get(r.id) === invoice.id).map((r) => fromWireMoney(r.amount)))));
      expect(money(invoice.subtotal).gt(ZERO)).toBe(true);
    }

    // A bill's state follows its invoices: both open → due; voiding the first cancels the month only it billed.
    const billsOf = async () => new Map((await prisma.bill.findMany({ where: { tenantId }, orderBy: { billMonth: 'asc' } })).map((b) => [b.billMonth, b]));
    const before = await billsOf();
    expect([...before.values()].map((b) => b.state)).toEqual([...before.values()].map(() => 'due'));
    await voidInvoice({ tenantId, invoiceId: invoices[0]!.id, reason: 'test: void the first usage invoice' }, SYSTEM_ACTOR);
    const after = await billsOf();
    const onlyFirst = [...after.values()].filter((b) => rows.every((r) => recordOf.get(r.id) !== invoices[1]!.id || !r.bill_month.startsWith(b.billMonth)));
    expect(onlyFirst.length).toBeGreaterThan(0);
    for (const bill of after.values()) expect(bill.state, bill.billMonth).toBe(onlyFirst.includes(bill) ? 'canceled' : 'due');

    // The second invoice (its consumption and the reconciliation it billed) is paid by wire, then refunded the month after:
    // CT_REFUND rows give back exactly what it billed, per resource type; 002 shows them on the refund day.
    await settleBankTransfer({ tenantId, invoiceId: invoices[1]!.id, reference: 'WIRE-AGREE-2', reason: 'test: paid by wire' }, SYSTEM_ACTOR);
    const refundAt = new Date(periods[1]!.end.getTime() + 25 * 24 * HOUR + 17 * 60_000);
    setClock(refundAt);
    await refundInvoice({ tenantId, invoiceId: invoices[1]!.id, to: 'credit', reason: 'test: refund the second period' }, SYSTEM_ACTOR);
    const withRefund = await allHourlyRows(tenantId);
    const refundRows = withRefund.filter((r) => r.consume_type === 'CT_REFUND');
    const billedBySecond = rows.filter((r) => recordOf.get(r.id) === invoices[1]!.id);
    expect(billedBySecond.some((r) => r.consume_type === 'CT_RECONCILIATION')).toBe(true);
    expect(refundRows.length).toBe(billedBySecond.length);
    expect(withRefund.length).toBe(rows.length + refundRows.length);
    const refundDay = await listDailyBillDetails({ tenantId, query: { startDate: compact(refundAt), endDate: compact(refundAt) } });
    for (const type of ['api_calls', 'bandwidth_gb', 'active_users', 'storage_gb']) {
      const invoiced = sum(invoices[1]!.lineItems.filter((l) => l.resourceType === type).map((l) => l.amount));
      const refunded = sum(refundRows.filter((r) => r.billing_item_property_name === type).map((r) => fromWireMoney(r.amount)));
      const billedHourly = sum(billedBySecond.filter((r) => r.billing_item_property_name === type).map((r) => fromWireMoney(r.amount)));
      expect({ type, exact: refunded.toFixed(9), minor: m2(refunded) }).toEqual({ type, exact: ZERO.minus(billedHourly).toFixed(9), minor: m2(ZERO.minus(invoiced)) });
      expect({ type, daily: sum(refundDay.filter((d) => d.tag6 === type).map((d) => money(d.billingResult))).toFixed(9) }).toEqual({ type, daily: refunded.toFixed(9) });
    }
    expect(m2(sum(refundRows.map((r) => fromWireMoney(r.amount))))).toBe(ZERO.minus(invoices[1]!.subtotal.toFixed(2)).toFixed(2));
    // Bills: the refund's month holds only refund lines (still pending); the second invoice's months follow it (refunded → paid).
    const refundMonth = localMonthBounds(refundAt, ZONE).billMonth;
    expect(refundRows.every((r) => r.bill_month.startsWith(refundMonth))).toBe(true);
    for (const bill of (await billsOf()).values()) {
      expect(bill.state, bill.billMonth).toBe(bill.billMonth === refundMonth ? 'pending' : onlyFirst.some((b) => b.id === bill.id) ? 'canceled' : 'paid');
    }
  }, 180_000);
});

const m2 = (d: Decimal) => roundToMinor(d, 'CNY').toFixed(2);
