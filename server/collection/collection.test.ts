import { afterEach, describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { now, setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { addPaymentMethod } from '../payment-methods/payment-methods';
import { runDueJobs } from '../jobs/run-due';
import { SANDBOX_TEST_CARDS, tokenizeCard } from '../payments/sandbox-provider';
import { startSubscription } from '../subscriptions/start-subscription';
import { collectInvoice } from './collect-invoice';
import { openAttempt } from './attempts';
import { refundStrayCharge } from './stray-charge';
import { SYSTEM_ACTOR } from '../audit/actor';
import { money } from '../money';
import { grantCredit } from '../credits/grant-credit';

/** 2034: later than every other file's clock, so their unscoped job runs never reach these invoices. */
const T0 = new Date('2034-04-10T02:00:00Z');
const DAY = 86_400_000;
const { succeeds: OK, declined: DECLINED, insufficientFunds: NO_FUNDS } = SANDBOX_TEST_CARDS;
const tenants: string[] = [];

afterEach(async () => {
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
  useSystemClock();
});

/** A sandbox card tokenized as the card form does, added through the payment-methods domain. */
async function card(seeded: SeededTenant, number: string, role: 'primary' | 'secondary') {
  const { token } = tokenizeCard({ number, expMonth: 12, expYear: 2040, cvc: '123' });
  return addPaymentMethod({ tenantId: seeded.tenant.id, token, role, contact: null }, seeded.ownerActor);
}

async function subscribedWith(cards: [string, string]) {
  setClock(T0);
  const seeded = await seedTestTenant('CNY');
  tenants.push(seeded.tenant.id);
  const primary = await card(seeded, cards[0], 'primary');
  const secondary = await card(seeded, cards[1], 'secondary');
  const sub = await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  const invoice = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId: seeded.tenant.id, subscriptionId: sub.id } });
  return { seeded, sub, invoice, primary, secondary, tenantId: seeded.tenant.id };
}

const attemptsOf = (tenantId: string, invoiceId: string) =>
  prisma.paymentAttempt.findMany({ where: { tenantId, billingRecordId: invoiceId }, orderBy: { attemptNumber: 'asc' } });
const subStatus = async (tenantId: string, id: string) => (await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } } })).status;

describe('collection', () => {
  it('charges the secondary when the primary is declined, and records both answers', async () => {
    const { tenantId, invoice, primary, secondary, sub } = await subscribedWith([DECLINED, OK]);
    expect(invoice.status).toBe('open');
    const ran = await runDueJobs({ tenantIds: [tenantId] });
    expect(ran.map((j) => j.name)).toContain('invoice-collection');
    const paid = await prisma.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: invoice.id } } });
    expect(paid.status).toBe('paid');
    expect(paid.paymentMethodId).toBe(secondary.id);
    expect(paid.paidAt).toEqual(T0);
    const attempts = await attemptsOf(tenantId, invoice.id);
    expect(attempts.map((a) => [a.attemptNumber, a.paymentMethodId, a.status, a.declineCode])).toEqual([
      [1, primary.id, 'failed', 'card_declined'],
      [2, secondary.id, 'succeeded', null],
    ]);
    expect(attempts[1]?.providerChargeId).toMatch(/^ch_sbx_/);
    expect(money(attempts[1]?.amount ?? '0').eq(money(invoice.amount))).toBe(true);
    // The subscription never went past_due: collection paid the invoice at the first step.
    expect(await subStatus(tenantId, sub.id)).toBe('active');
    const notices = await prisma.notification.findMany({ where: { tenantId, kind: 'invoice.paid' } });
    // Each billing member (owner, admin, billing) once in the app and once by email (the outbox the mail job sends).
    expect(notices.filter((n) => n.channel === 'in_app')).toHaveLength(3);
    expect(notices.filter((n) => n.channel === 'email')).toHaveLength(3);
    expect(notices.find((n) => n.channel === 'in_app')?.title).toContain(paid.invoiceNumber ?? '');
    expect(await prisma.auditLog.count({ where: { tenantId, action: 'invoice.pay', targetId: invoice.id } })).toBe(1);
  });

  it('a re-run of the dunning step (in sequence and in parallel) charges nothing twice', async () => {
    const { tenantId, invoice } = await subscribedWith([DECLINED, OK]);
    const step = { tenantId, invoiceId: invoice.id, step: 0 };
    const outcomes = await Promise.all([collectInvoice(step), collectInvoice(step), collectInvoice(step)]);
    expect(outcomes.filter((o) => o === 'paid')).toHaveLength(1);
    expect(await collectInvoice(step)).toBe('skipped');
    await runDueJobs({ tenantIds: [tenantId] });
    const attempts = await attemptsOf(tenantId, invoice.id);
    expect(attempts).toHaveLength(2);
    expect(attempts.filter((a) => a.status === 'succeeded')).toHaveLength(1);
    expect(await prisma.auditLog.count({ where: { tenantId, action: 'invoice.pay' } })).toBe(1);
  });

  it('a step cut short after recording its attempt re-runs with the same attempt and idempotency key', async () => {
    const { tenantId, invoice, primary } = await subscribedWith([OK, OK]);
    // The crash: the attempt was written (pending) and the process died before the provider answered.
    const pending = await prisma.$transaction((tx) => openAttempt(tx, {
      tenantId, invoiceId: invoice.id, attemptKey: `step:0:${primary.id}`, kind: 'charge', step: 0, paymentMethodId: primary.id,
      amount: money(invoice.amount), currency: invoice.currency, provider: 'sandbox',
    }));
    await runDueJobs({ tenantIds: [tenantId] });
    const attempts = await attemptsOf(tenantId, invoice.id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.id).toBe(pending.id);
    expect(attempts[0]?.status).toBe('succeeded');
  });

  it('dunning retries on days 1, 3 and 5, makes the subscription past_due, fails the invoice, then grace suspends it', async () => {
    const { tenantId, invoice, sub, seeded } = await subscribedWith([DECLINED, NO_FUNDS]);
    await runDueJobs({ tenantIds: [tenantId] });
    expect(await subStatus(tenantId, sub.id)).toBe('past_due');
    expect((await prisma.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: invoice.id } } })).status).toBe('open');
    for (let day = 1; day <= 6; day += 1) {
      setClock(new Date(T0.getTime() + day * DAY));
      await runDueJobs({ tenantIds: [tenantId] });
    }
    const attempts = await attemptsOf(tenantId, invoice.id);
    expect(attempts.map((a) => a.step)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(attempts.every((a) => a.status === 'failed')).toBe(true);
    expect(new Set(attempts.map((a) => a.declineCode))).toEqual(new Set(['card_declined', 'insufficient_funds']));
    expect((await prisma.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: invoice.id } } })).status).toBe('failed');
    expect(await subStatus(tenantId, sub.id)).toBe('past_due');
    // One notice per failed step and member, not per attempt.
    const failedNotices = await prisma.notification.findMany({ where: { tenantId, kind: 'invoice.payment_failed' } });
    expect(new Set(failedNotices.map((n) => (n.data as { step: number }).step))).toEqual(new Set([0, 1, 2, 3]));
    // Grace (7 days for starter) ends: the failed invoice is still owed, so the subscription is suspended.
    setClock(new Date(T0.getTime() + 8 * DAY));
    await runDueJobs({ tenantIds: [tenantId] });
    expect(await subStatus(tenantId, sub.id)).toBe('suspended');
    expect(await attemptsOf(tenantId, invoice.id)).toHaveLength(8);
    // Credit still pays a failed invoice; the grace job then reinstates the subscription.
    await grantCredit({ tenantId, amount: '1000', source: 'manual', remark: 'wire' }, seeded.ownerActor);
    await runDueJobs({ tenantIds: [tenantId] });
    expect((await prisma.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: invoice.id } } })).status).toBe('paid');
    expect(await subStatus(tenantId, sub.id)).toBe('active');
    expect(await attemptsOf(tenantId, invoice.id)).toHaveLength(8);
  });

  it('a charge that succeeds after the invoice was settled another way is refunded to the card, once', async () => {
    const { tenantId, invoice, primary } = await subscribedWith([OK, OK]);
    // The race, frozen: the attempt succeeded at the processor while finance settled the transfer.
    const charge = await prisma.$transaction((tx) => openAttempt(tx, {
      tenantId, invoiceId: invoice.id, attemptKey: `step:0:${primary.id}`, kind: 'charge', step: 0, paymentMethodId: primary.id,
      amount: money(invoice.amount), currency: invoice.currency, provider: 'sandbox',
    }));
    await refundStrayCharge(charge, 'ch_sbx_stray', SYSTEM_ACTOR);
    await refundStrayCharge(charge, 'ch_sbx_stray', SYSTEM_ACTOR);
    const refunds = (await attemptsOf(tenantId, invoice.id)).filter((a) => a.kind === 'refund');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ status: 'succeeded', providerChargeId: 'ch_sbx_stray' });
    expect(refunds[0]?.providerRefundId).toMatch(/^re_sbx_/);
  });
});
