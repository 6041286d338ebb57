import { afterEach, describe, expect, it } from 'vitest';
import { seedTenant, uniqueSuffix } from '../../prisma/seed/factories';
import { ingestAndPrice } from '../../test/usage-pricing-fixture';
import { SYSTEM_ACTOR } from '../audit/actor';
import { now, setClock, useSystemClock } from '../clock';
import { createDraftInvoice, finalizeInvoice } from '../collection/drafts';
import { refundInvoice, settleBankTransfer } from '../collection/finance';
import { prisma } from '../db';
import { grantCoupon } from '../discounts/coupons';
import { issueVoucher } from '../discounts/vouchers';
import { usagePeriodClose, usagePeriodCloseSweep } from '../jobs/metered-billing-jobs';
import { runDueJobs } from '../jobs/run-due';
import { listDailyBillDetails } from '../bills/daily-detail';
import { listBillHourlyDetails } from '../bills/hourly-details';
import { fromWireMoney } from '../bills/money-wire';
import { money, roundToMinor, sum, ZERO, type Decimal } from '../money';
import { renewDueSubscriptions } from '../subscriptions/renew-subscriptions';
import { startSubscription } from '../subscriptions/start-subscription';
import { localMonthBounds } from '../usage-pricing/periods';
import { localDateString } from '../time/zoned';
import type { UsageEventInput } from '../usage/schema';
import { writeRefundLines } from './refund-lines';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONE = 'Asia/Shanghai';
const jobs = [usagePeriodCloseSweep, usagePeriodClose];
/** 2033: no other test's clock reaches it. */
const T0 = new Date('2033-01-10T02:00:00Z');

afterEach(() => useSystemClock());

const compact = (instant: Date) => localDateString(instant, ZONE).replaceAll('-', '');
const exact = (d: Decimal) => d.toFixed(9);
const NEGATED = ['quantity', 'includedQuantity', 'originalAmount', 'discountAmount', 'couponAmount', 'voucherAmount', 'amount', 'paidAmount', 'unpaidAmount'] as const;
const COPIED = ['billingAccountId', 'resourceGroupId', 'resourceId', 'subscriptionId', 'namespaceId', 'appId', 'ownerUserId', 'skuId', 'spuId', 'categoryId', 'resourceType', 'currency', 'paymentModel'] as const;

describe('refunding a usage invoice writes CT_REFUND lines', () => {
  it('one per billed line, exactly negated, on the bill of the refund month, once; 004 and 002 show them; the next close leaves them alone', async () => {
    const suffix = uniqueSuffix();
    setClock(T0);
    const seeded = await seedTenant({ id: `tnt_r${suffix}`, name: `Refund ${suffix}`, currency: 'CNY', locale: 'zh-CN', billingTimezone: ZONE, domain: `r${suffix}.test`, apps: ['web'], namespaces: ['web'] });
    const tenantId = seeded.tenant.id;
    await startSubscription({ tenantId, planCode: 'free', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
    await grantCoupon({ tenantId, couponCode: 'WELCOME5', reason: 'test coupon' }, SYSTEM_ACTOR);
    await issueVoucher({ tenantId, code: 'REFUND-20', amount: '20', expiresAt: new Date('2033-12-01T00:00:00Z'), resourceType: null, reason: 'test voucher' }, SYSTEM_ACTOR);
    const first = await prisma.subscription.findFirstOrThrow({ where: { tenantId } });
    const app = seeded.apps[0]!.id;
    // Past the free plan's 100,000 calls and 5 GB: overage in both meters, over several days and hours.
    const events: UsageEventInput[] = [];
    for (let i = 0; i < 12; i++) events.push({ event_id: `api-${i}`, resource_type: 'api_calls', quantity: String(20_000 + i * 1_301), timestamp: new Date(T0.getTime() + i * 53 * HOUR).toISOString(), namespace: 'web', app_id: i % 2 ? app : null });
    for (let i = 0; i < 6; i++) events.push({ event_id: `bw-${i}`, resource_type: 'bandwidth_gb', quantity: `1.${311 + i * 17}`, timestamp: new Date(T0.getTime() + i * 97 * HOUR).toISOString(), namespace: 'system', app_id: null });
    setClock(new Date(first.currentPeriodEnd.getTime() - 60_000));
    expect(await ingestAndPrice(seeded, events)).toHaveLength(events.length);
    setClock(new Date(first.currentPeriodEnd.getTime() + HOUR));
    await renewDueSubscriptions({ tenantIds: [tenantId] });
    await runDueJobs({ at: now(), tenantIds: [tenantId], jobs });
    const invoice = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId, type: 'usage' }, include: { lineItems: true } });
    await settleBankTransfer({ tenantId, invoiceId: invoice.id, reference: 'WIRE-REFUND-TEST', reason: 'test: paid by wire' }, SYSTEM_ACTOR);
    const billed = await prisma.chargeLine.findMany({ where: { tenantId, billingRecordId: invoice.id } });
    expect(billed.length).toBeGreaterThan(10);
    expect(billed.some((l) => money(l.couponAmount).gt(0)) && billed.some((l) => money(l.voucherAmount).gt(0))).toBe(true);
    const billsBefore = await prisma.bill.findMany({ where: { tenantId } });

    // Refunded in the month after the period's last month (local time), half past the hour.
    const refundAt = new Date(first.currentPeriodEnd.getTime() + 23 * DAY + 30 * 60_000);
    setClock(refundAt);
    const refunded = await refundInvoice({ tenantId, invoiceId: invoice.id, to: 'credit', reason: 'test: refund' }, SYSTEM_ACTOR);
    expect(refunded.status).toBe('refunded');
    const refunds = await prisma.chargeLine.findMany({ where: { tenantId, consumeType: 'refund' } });
    expect(refunds).toHaveLength(billed.length);

    // Exact negation, line by line (each refund line names the line it gives back in its description).
    const hour = new Date(Math.floor(refundAt.getTime() / HOUR) * HOUR);
    const refundBill = await prisma.bill.findFirstOrThrow({ where: { tenantId, billMonth: localMonthBounds(refundAt, ZONE).billMonth } });
    expect(billsBefore.map((b) => b.id)).not.toContain(refundBill.id);
    const originalOf = (desc: string | null) => {
      const matches = billed.filter((l) => desc === `refund of ${invoice.invoiceNumber}: ${l.consumeType} of ${l.hourStart.toISOString()}`);
      return matches;
    };
    const used = new Set<string>();
    for (const r of refunds) {
      const candidates = originalOf(r.consumeDesc).filter((l) => !used.has(l.id) && COPIED.every((f) => l[f] === r[f]) && NEGATED.every((f) => money(l[f]).plus(money(r[f])).isZero()));
      expect(candidates.length, r.consumeDesc ?? '').toBeGreaterThan(0);
      used.add(candidates[0]!.id);
      expect(r.unitPrice.toFixed(9)).toBe(candidates[0]!.unitPrice.toFixed(9));
      expect({ hour: r.hourStart.toISOString(), bill: r.billId, record: r.billingRecordId, provisional: r.provisional, at: r.createdAt.toISOString() })
        .toEqual({ hour: hour.toISOString(), bill: refundBill.id, record: invoice.id, provisional: false, at: refundAt.toISOString() });
    }
    expect(used.size).toBe(billed.length);
    expect(exact(sum(refunds.map((r) => r.amount)))).toBe(exact(ZERO.minus(sum(billed.map((l) => l.amount)))));
    // Per resource type, minus exactly what the invoice's lines billed (to the minor unit).
    for (const type of ['api_calls', 'bandwidth_gb']) {
      const invoiced = sum(invoice.lineItems.filter((l) => l.resourceType === type).map((l) => l.amount));
      expect(roundToMinor(sum(refunds.filter((r) => r.resourceType === type).map((r) => r.amount)), 'CNY').toFixed(2)).toBe(ZERO.minus(invoiced).toFixed(2));
    }

    // The refund month's bill: its amount is its lines; refund lines do not decide its state (no invoice billed it yet).
    const billAfter = await prisma.bill.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: refundBill.id } } });
    expect(exact(money(billAfter.amount))).toBe(exact(sum(refunds.map((r) => r.amount))));
    expect(billAfter.state).toBe('pending');
    for (const bill of await prisma.bill.findMany({ where: { tenantId, id: { in: billsBefore.map((b) => b.id) } } })) expect(bill.state, bill.billMonth).toBe('paid');

    // 004: CT_REFUND rows on the refund month's bill, filterable by consume_type; none on the period's bills.
    const page = await listBillHourlyDetails({ tenantId, billId: refundBill.id, query: { page_size: 500 } });
    expect(page.total_size).toBe(refunds.length);
    expect(page.bill_hourly_details.every((d) => d.consume_type === 'CT_REFUND' && d.state === 'BS_PENDING' && fromWireMoney(d.amount).lte(0))).toBe(true);
    expect(page.bill_hourly_details.some((d) => d.consume_desc.startsWith(`refund of ${invoice.invoiceNumber}`))).toBe(true);
    expect((await listBillHourlyDetails({ tenantId, billId: refundBill.id, query: { filter: 'consume_type = "CT_REFUND"' } })).total_size).toBe(refunds.length);
    expect((await listBillHourlyDetails({ tenantId, billId: refundBill.id, query: { filter: 'consume_type = "CT_CONSUMPTION"' } })).total_size).toBe(0);
    for (const bill of billsBefore) {
      expect((await listBillHourlyDetails({ tenantId, billId: bill.id, query: { filter: 'consume_type = "CT_REFUND"' } })).total_size, bill.billMonth).toBe(0);
    }
    // 002: the refund day's rows are the refund lines, per meter, exactly.
    const daily = await listDailyBillDetails({ tenantId, query: { startDate: compact(refundAt), endDate: compact(refundAt) } });
    for (const type of ['api_calls', 'bandwidth_gb']) {
      expect(exact(sum(daily.filter((d) => d.tag6 === type).map((d) => money(d.billingResult))))).toBe(exact(sum(refunds.filter((r) => r.resourceType === type).map((r) => r.amount))));
    }

    // Once: a repeated refund and a repeated write add nothing.
    await refundInvoice({ tenantId, invoiceId: invoice.id, to: 'credit', reason: 'test: refund again' }, SYSTEM_ACTOR);
    expect(await prisma.$transaction((tx) => writeRefundLines(tx, tenantId, invoice))).toEqual({ lines: 0, amount: ZERO });
    expect(await prisma.chargeLine.count({ where: { tenantId, consumeType: 'refund' } })).toBe(billed.length);
    expect(await prisma.auditLog.count({ where: { tenantId, action: 'invoice.refund' } })).toBe(1);

    // The next period's close bills its own consumption (in the refund's very hour, too) and none of the refund lines.
    const second = await prisma.subscription.findFirstOrThrow({ where: { tenantId } });
    expect(second.currentPeriodStart.getTime()).toBeLessThan(refundAt.getTime());
    expect(await ingestAndPrice(seeded, [{ event_id: 'api-next', resource_type: 'api_calls', quantity: '250000', timestamp: refundAt.toISOString(), namespace: 'web', app_id: null }])).toHaveLength(1);
    setClock(new Date(second.currentPeriodEnd.getTime() + HOUR));
    await renewDueSubscriptions({ tenantIds: [tenantId] });
    await runDueJobs({ at: now(), tenantIds: [tenantId], jobs });
    const next = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId, type: 'usage', id: { not: invoice.id } }, include: { lineItems: true } });
    expect(next.lineItems.map((l) => l.description).filter((d) => d.includes('refund'))).toEqual([]);
    expect(await prisma.chargeLine.count({ where: { tenantId, consumeType: 'refund', billingRecordId: invoice.id } })).toBe(billed.length);
    expect(await prisma.chargeLine.count({ where: { tenantId, billingRecordId: next.id } })).toBe(1);
    // Now an invoice billed a line of the refund month's bill: it follows that invoice (open → due).
    expect((await prisma.bill.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: refundBill.id } } })).state).toBe('due');

    // An invoice with no charge lines (finance's own) is refunded without any.
    const draft = await createDraftInvoice({ tenantId, description: 'Workshop', lines: [{ description: 'Workshop', quantity: '1', unitPrice: '300' }], reason: 'test' }, SYSTEM_ACTOR);
    await finalizeInvoice({ tenantId, invoiceId: draft.id }, SYSTEM_ACTOR);
    await settleBankTransfer({ tenantId, invoiceId: draft.id, reference: 'WIRE-WORKSHOP', reason: 'test' }, SYSTEM_ACTOR);
    await refundInvoice({ tenantId, invoiceId: draft.id, to: 'credit', reason: 'test' }, SYSTEM_ACTOR);
    expect(await prisma.chargeLine.count({ where: { tenantId, billingRecordId: draft.id } })).toBe(0);
    await prisma.subscription.updateMany({ where: { tenantId, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
  }, 120_000);
});
