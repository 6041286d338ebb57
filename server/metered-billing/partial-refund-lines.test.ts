import { afterEach, describe, expect, it } from 'vitest';
import { seedTenant, uniqueSuffix } from '../../prisma/seed/factories';
import { ingestAndPrice } from '../../test/usage-pricing-fixture';
import { SYSTEM_ACTOR } from '../audit/actor';
import { now, setClock, useSystemClock } from '../clock';
import { refundInvoice, settleBankTransfer } from '../collection/finance';
import { getCreditBalance } from '../credits/ledger';
import { prisma } from '../db';
import { usagePeriodClose, usagePeriodCloseSweep } from '../jobs/metered-billing-jobs';
import { runDueJobs } from '../jobs/run-due';
import { money, sum, ZERO } from '../money';
import { renewDueSubscriptions } from '../subscriptions/renew-subscriptions';
import { startSubscription } from '../subscriptions/start-subscription';
import type { UsageEventInput } from '../usage/schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONE = 'Asia/Shanghai';
const jobs = [usagePeriodCloseSweep, usagePeriodClose];
/** 2037: no other test's clock reaches it. */
const T0 = new Date('2037-02-10T02:00:00Z');

afterEach(() => useSystemClock());

describe('partial refunds of a usage invoice and seed 004', () => {
  it('write no CT_REFUND lines and leave the bills paid; the refund that completes the invoice writes them all, exactly negated, in its own hour', async () => {
    const suffix = uniqueSuffix();
    setClock(T0);
    const seeded = await seedTenant({ id: `tnt_pr${suffix}`, name: `Partial ${suffix}`, currency: 'CNY', locale: 'zh-CN', billingTimezone: ZONE, domain: `pr${suffix}.test`, apps: ['web'], namespaces: ['web'] });
    const tenantId = seeded.tenant.id;
    await startSubscription({ tenantId, planCode: 'free', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
    const first = await prisma.subscription.findFirstOrThrow({ where: { tenantId } });
    // Past the free plan's 100,000 calls: overage over several days and hours.
    const events: UsageEventInput[] = [];
    for (let i = 0; i < 8; i++) events.push({ event_id: `api-${i}`, resource_type: 'api_calls', quantity: String(30_000 + i * 1_301), timestamp: new Date(T0.getTime() + i * 53 * HOUR).toISOString(), namespace: 'web', app_id: null });
    setClock(new Date(first.currentPeriodEnd.getTime() - 60_000));
    expect(await ingestAndPrice(seeded, events)).toHaveLength(events.length);
    setClock(new Date(first.currentPeriodEnd.getTime() + HOUR));
    await renewDueSubscriptions({ tenantIds: [tenantId] });
    await runDueJobs({ at: now(), tenantIds: [tenantId], jobs });
    const invoice = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId, type: 'usage' } });
    await settleBankTransfer({ tenantId, invoiceId: invoice.id, reference: 'WIRE-PARTIAL-TEST', reason: 'test: paid by wire' }, SYSTEM_ACTOR);
    const billed = await prisma.chargeLine.findMany({ where: { tenantId, billingRecordId: invoice.id } });
    expect(billed.length).toBeGreaterThan(3);
    const billsBefore = await prisma.bill.findMany({ where: { tenantId }, orderBy: { id: 'asc' } });
    expect(billsBefore.every((b) => b.state === 'paid')).toBe(true);
    const amount = money(invoice.amount);
    expect(amount.gt(2)).toBe(true);

    // Two partial refunds as credit on two different days: no refund lines, no bill moves.
    setClock(new Date(first.currentPeriodEnd.getTime() + 3 * DAY));
    expect((await refundInvoice({ tenantId, invoiceId: invoice.id, to: 'credit', amount: '1.01', idempotencyKey: 'usage-part-1', reason: 'test: partial' }, SYSTEM_ACTOR)).status).toBe('paid');
    setClock(new Date(first.currentPeriodEnd.getTime() + 5 * DAY));
    expect((await refundInvoice({ tenantId, invoiceId: invoice.id, to: 'credit', amount: '0.99', idempotencyKey: 'usage-part-2', reason: 'test: partial' }, SYSTEM_ACTOR)).status).toBe('paid');
    expect(await prisma.chargeLine.count({ where: { tenantId, consumeType: 'refund' } })).toBe(0);
    expect(await prisma.bill.findMany({ where: { tenantId }, orderBy: { id: 'asc' } })).toEqual(billsBefore);

    // The remainder completes it: every billed line negated once, in the completing refund's hour.
    const completeAt = new Date(first.currentPeriodEnd.getTime() + 9 * DAY + 30 * 60_000);
    setClock(completeAt);
    const done = await refundInvoice({ tenantId, invoiceId: invoice.id, to: 'credit', reason: 'test: the rest' }, SYSTEM_ACTOR);
    expect(done).toMatchObject({ status: 'refunded', refundedAmount: amount.toFixed() });
    const refunds = await prisma.chargeLine.findMany({ where: { tenantId, consumeType: 'refund' } });
    expect(refunds).toHaveLength(billed.length);
    expect(sum(refunds.map((r) => r.amount)).toFixed(9)).toBe(ZERO.minus(sum(billed.map((l) => l.amount))).toFixed(9));
    const hour = new Date(Math.floor(completeAt.getTime() / HOUR) * HOUR);
    expect(refunds.every((r) => r.hourStart.getTime() === hour.getTime() && r.billingRecordId === invoice.id)).toBe(true);
    // The period's bills are still paid (a refunded invoice was paid); the credit given back is the whole invoice.
    for (const bill of await prisma.bill.findMany({ where: { tenantId, id: { in: billsBefore.map((b) => b.id) } } })) expect(bill.state, bill.billMonth).toBe('paid');
    expect((await getCreditBalance(tenantId)).balance.eq(amount)).toBe(true);
    const audit = await prisma.auditLog.findMany({ where: { tenantId, action: 'invoice.refund' } });
    expect(audit.map((a) => (a.after as { refundLines: number }).refundLines).sort((x, y) => x - y)).toEqual([0, 0, billed.length]);
    await prisma.subscription.updateMany({ where: { tenantId, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
  }, 120_000);
});
