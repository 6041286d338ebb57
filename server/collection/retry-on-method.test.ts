import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { callerFor } from '../../test/harness';
import { SYSTEM_ACTOR } from '../audit/actor';
import { now, setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { invoiceRetry } from '../jobs/collection-jobs';
import type { JobDefinition } from '../jobs/registry';
import { runDueJobs } from '../jobs/run-due';
import { startWorker, type Worker } from '../jobs/worker';
import { money } from '../money';
import { addPaymentMethod } from '../payment-methods/payment-methods';
import { makePrimary, swapPrimary } from '../payment-methods/roles';
import { SANDBOX_TEST_CARDS, sandboxProvider, tokenizeBankAccount, tokenizeCard } from '../payments/sandbox-provider';
import { startSubscription } from '../subscriptions/start-subscription';
import { openAttempt } from './attempts';
import { collectInvoice } from './collect-invoice';
import { findRetryTargets, retryOwedInvoices } from './retry-owed';
import { listPaymentAttempts } from './views';

/** 2035: later than every other file's clock (collection.test.ts runs in 2034), so their unscoped job runs never reach these invoices. */
const T0 = new Date('2035-03-10T02:00:00Z');
const DAY = 86_400_000;
const { succeeds: OK, declined: DECLINED, insufficientFunds: NO_FUNDS } = SANDBOX_TEST_CARDS;
const tenants: string[] = [];
const workers: Worker[] = [];

beforeEach(() => {
  vi.restoreAllMocks();
});

afterEach(async () => {
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
  useSystemClock();
});

afterAll(async () => {
  for (const worker of workers) await worker.stop();
});

const cardToken = (number: string) => tokenizeCard({ number, expMonth: 12, expYear: 2040, cvc: '123' }).token;

async function card(seeded: SeededTenant, number: string, role: 'primary' | 'secondary' | 'normal') {
  return addPaymentMethod({ tenantId: seeded.tenant.id, token: cardToken(number), role, contact: null }, seeded.ownerActor);
}

const at = (days: number) => new Date(T0.getTime() + days * DAY);
const invoiceOf = (tenantId: string, id: string) => prisma.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } } });
const attemptsOf = (tenantId: string, invoiceId: string) =>
  prisma.paymentAttempt.findMany({ where: { tenantId, billingRecordId: invoiceId }, orderBy: { attemptNumber: 'asc' } });
const subStatus = async (tenantId: string, id: string) => (await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } } })).status;

/**
 * A tenant whose only card is declined: its first invoice fails every dunning step (days 0, 1, 3, 5)
 * and is `failed`; with `suspend`, grace (7 days) then suspends the subscription.
 */
async function failedTenant(options: { suspend?: boolean } = {}) {
  setClock(T0);
  const seeded = await seedTestTenant('USD');
  const tenantId = seeded.tenant.id;
  tenants.push(tenantId);
  const primary = await card(seeded, DECLINED, 'primary');
  const sub = await startSubscription({ tenantId, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  const invoice = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId, subscriptionId: sub.id } });
  for (const day of [0, 1, 3, 5, ...(options.suspend ? [8] : [])]) {
    setClock(at(day));
    await runDueJobs({ tenantIds: [tenantId] });
  }
  expect((await invoiceOf(tenantId, invoice.id)).status).toBe('failed');
  expect(await attemptsOf(tenantId, invoice.id)).toHaveLength(4);
  setClock(at(options.suspend ? 9 : 6));
  return { seeded, tenantId, sub, invoice, primary };
}

describe('owed invoices are retried when the tenant fixes its payment method', () => {
  it('a working card added as secondary pays a failed invoice (primary, then secondary) and reactivates the suspended subscription', async () => {
    const { seeded, tenantId, sub, invoice, primary } = await failedTenant({ suspend: true });
    expect(await subStatus(tenantId, sub.id)).toBe('suspended');
    const added = await card(seeded, OK, 'secondary');
    const ran = await runDueJobs({ tenantIds: [tenantId] });
    expect(ran).toContainEqual({ name: 'invoice-retry', key: `retry:${tenantId}` });

    const paid = await invoiceOf(tenantId, invoice.id);
    expect(paid.status).toBe('paid');
    expect(paid.paymentMethodId).toBe(added.id);
    expect(paid.paidAt).toEqual(at(9));
    const retries = (await attemptsOf(tenantId, invoice.id)).slice(4);
    const since = (await prisma.paymentMethod.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: added.id } } })).updatedAt.getTime();
    expect(retries.map((a) => [a.attemptKey, a.step, a.status, a.declineCode])).toEqual([
      [`retry:${added.id}:${since}:${primary.id}`, null, 'failed', 'card_declined'],
      [`retry:${added.id}:${since}:${added.id}`, null, 'succeeded', null],
    ]);
    expect(money(retries[1]!.amount).eq(money(invoice.amount))).toBe(true);
    expect(retries[1]!.providerChargeId).toMatch(/^ch_sbx_/);
    // Paid as any invoice is: audited with the attempt, the billing members told, the subscription active again.
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId, action: 'invoice.pay', targetId: invoice.id } });
    expect(audit.before).toEqual({ status: 'failed' });
    expect(audit.after).toMatchObject({ status: 'paid', attemptId: retries[1]!.id, paymentMethodId: added.id });
    expect(await prisma.notification.count({ where: { tenantId, kind: 'invoice.paid', channel: 'in_app' } })).toBe(3);
    expect(await subStatus(tenantId, sub.id)).toBe('active');
    // The invoice page tells the four dunning steps from the two charges of the retry.
    const listed = await listPaymentAttempts(tenantId, invoice.id);
    expect(listed.map((a) => [a.origin, a.step])).toEqual([
      ['dunning', 0], ['dunning', 1], ['dunning', 2], ['dunning', 3], ['method_change', null], ['method_change', null],
    ]);
  });

  it('a working card made primary pays it too (the sweep finds the change without a kick)', async () => {
    const { seeded, tenantId, invoice } = await failedTenant();
    const spare = await card(seeded, OK, 'normal');
    // NORMAL: nothing to retry yet.
    expect(await findRetryTargets(now(), [tenantId])).toEqual([]);
    setClock(at(7));
    await makePrimary({ tenantId, name: spare.name }, seeded.ownerActor);
    expect(await findRetryTargets(now(), [tenantId])).toEqual([expect.objectContaining({ invoiceIds: [invoice.id] })]);
    await runDueJobs({ tenantIds: [tenantId] });
    const paid = await invoiceOf(tenantId, invoice.id);
    expect(paid.status).toBe('paid');
    expect(paid.paymentMethodId).toBe(spare.id);
    // The new primary is charged first and pays: one retry attempt.
    expect((await attemptsOf(tenantId, invoice.id)).slice(4).map((a) => [a.paymentMethodId, a.status])).toEqual([[spare.id, 'succeeded']]);
    expect(await findRetryTargets(now(), [tenantId])).toEqual([]);
  });

  it('a declined new card leaves the invoice failed, with the attempts recorded, audited and told once', async () => {
    const { seeded, tenantId, invoice, primary } = await failedTenant();
    const added = await card(seeded, NO_FUNDS, 'secondary');
    const outcomes = await retryOwedInvoices({ tenantId, at: now() }, SYSTEM_ACTOR);
    expect(outcomes).toEqual([{ invoiceId: invoice.id, outcome: 'declined' }]);
    expect((await invoiceOf(tenantId, invoice.id)).status).toBe('failed');
    const retries = (await attemptsOf(tenantId, invoice.id)).slice(4);
    expect(retries.map((a) => [a.paymentMethodId, a.status, a.declineCode])).toEqual([
      [primary.id, 'failed', 'card_declined'],
      [added.id, 'failed', 'insufficient_funds'],
    ]);
    const audits = await prisma.auditLog.findMany({ where: { tenantId, action: 'invoice.payment_failed', targetId: invoice.id } });
    expect(audits.filter((a) => (a.after as { retry?: unknown }).retry)).toHaveLength(1);
    const told = await prisma.notification.findMany({ where: { tenantId, kind: 'invoice.payment_failed', channel: 'in_app' } });
    expect(told.filter((n) => String((n.data as { noticeKey: string }).noticeKey).includes(':retry:'))).toHaveLength(3);
    // Done for this change: neither the sweep nor a re-run tries again.
    expect(await findRetryTargets(now(), [tenantId])).toEqual([]);
    await retryOwedInvoices({ tenantId, at: now() }, SYSTEM_ACTOR);
    await runDueJobs({ tenantIds: [tenantId] });
    expect(await attemptsOf(tenantId, invoice.id)).toHaveLength(6);
    expect(await prisma.auditLog.count({ where: { tenantId, action: 'invoice.payment_failed', targetId: invoice.id } })).toBe(audits.length);
  });

  it('re-running the retry, or resuming one cut short after recording its attempt, charges nothing twice', async () => {
    const { seeded, tenantId, invoice } = await failedTenant();
    const charges = vi.spyOn(sandboxProvider, 'charge');
    const added = await addPaymentMethod({ tenantId, token: cardToken(OK), role: 'primary', contact: null }, seeded.ownerActor);
    const [target] = await findRetryTargets(now(), [tenantId]);
    // The crash: the retry's attempt was written (pending) and the process died before the provider answered.
    const pending = await prisma.$transaction((tx) => openAttempt(tx, {
      tenantId, invoiceId: invoice.id, attemptKey: `retry:${added.id}:${target!.trigger.since.getTime()}:${added.id}`, kind: 'charge', step: null,
      paymentMethodId: added.id, amount: money(invoice.amount), currency: invoice.currency, provider: 'sandbox',
    }));
    // The job again, twice at once and then in sequence, and the sweep.
    await Promise.all([retryOwedInvoices({ tenantId, at: now() }, SYSTEM_ACTOR), retryOwedInvoices({ tenantId, at: now() }, SYSTEM_ACTOR)]);
    await retryOwedInvoices({ tenantId, at: now() }, SYSTEM_ACTOR);
    await runDueJobs({ tenantIds: [tenantId] });
    const retries = (await attemptsOf(tenantId, invoice.id)).slice(4);
    expect(retries.map((a) => [a.id, a.status])).toEqual([[pending.id, 'succeeded']]);
    // Every call to the processor for this invoice asked with the one attempt's idempotency key: one charge.
    const keys = new Set(charges.mock.calls.map(([input]) => input.idempotencyKey).filter((key) => key.startsWith(`${invoice.id}:`)));
    expect(keys).toEqual(new Set([`${invoice.id}:${pending.attemptNumber}`]));
    expect((await invoiceOf(tenantId, invoice.id)).status).toBe('paid');
    expect(await prisma.auditLog.count({ where: { tenantId, action: 'invoice.pay', targetId: invoice.id } })).toBe(1);
  });

  it('a retry steps aside while a dunning charge is in flight: one charge, not two', async () => {
    setClock(T0);
    const seeded = await seedTestTenant('USD');
    const tenantId = seeded.tenant.id;
    tenants.push(tenantId);
    await card(seeded, DECLINED, 'primary');
    await startSubscription({ tenantId, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
    const invoice = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId, type: 'subscription' } });
    await runDueJobs({ tenantIds: [tenantId] });
    expect((await invoiceOf(tenantId, invoice.id)).status).toBe('open');
    // The tenant puts a working card first; the next morning dunning step 1 charges it, and the processor is slow to answer.
    setClock(new Date(at(1).getTime() - 60_000));
    const working = await card(seeded, OK, 'primary');
    setClock(at(1));
    const original = sandboxProvider.charge;
    let release!: () => void;
    let entered!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const inCharge = new Promise<void>((resolve) => { entered = resolve; });
    const charges = vi.spyOn(sandboxProvider, 'charge').mockImplementationOnce(async (input) => {
      entered();
      await gate;
      return original(input);
    });
    const step = collectInvoice({ tenantId, invoiceId: invoice.id, step: 1 });
    await inCharge;
    // Meanwhile the tenant adds a backup card, and its retry runs while the step's charge is in flight.
    setClock(new Date(at(1).getTime() + 30_000));
    await card(seeded, OK, 'secondary');
    expect(await retryOwedInvoices({ tenantId, at: now() }, SYSTEM_ACTOR)).toEqual([{ invoiceId: invoice.id, outcome: 'skipped' }]);
    release();
    expect(await step).toBe('paid');
    await runDueJobs({ tenantIds: [tenantId] });
    expect(charges).toHaveBeenCalledTimes(1);
    const attempts = await attemptsOf(tenantId, invoice.id);
    expect(attempts.filter((a) => a.status === 'succeeded').map((a) => [a.attemptKey, a.paymentMethodId])).toEqual([[`step:1:${working.id}`, working.id]]);
    expect(await prisma.auditLog.count({ where: { tenantId, action: 'invoice.pay', targetId: invoice.id } })).toBe(1);
  });

  it('a swap retries once; another tenant\'s owed invoice is never touched', async () => {
    const a = await failedTenant();
    const b = await failedTenant();
    const backup = await card(a.seeded, NO_FUNDS, 'secondary');
    await retryOwedInvoices({ tenantId: a.tenantId, at: now() }, SYSTEM_ACTOR);
    expect(await attemptsOf(a.tenantId, a.invoice.id)).toHaveLength(6);
    setClock(at(7));
    await swapPrimary({ tenantId: a.tenantId, name: backup.name }, a.seeded.ownerActor);
    await runDueJobs({ tenantIds: [a.tenantId, b.tenantId] });
    // Both methods changed at once: one retry (primary then secondary), both declined.
    const afterSwap = (await attemptsOf(a.tenantId, a.invoice.id)).slice(6);
    expect(afterSwap.map((x) => x.paymentMethodId)).toEqual([backup.id, a.primary.id]);
    expect(await attemptsOf(b.tenantId, b.invoice.id)).toHaveLength(4);
    expect((await invoiceOf(b.tenantId, b.invoice.id)).status).toBe('failed');
    // An unscoped look at A's change finds nothing of B to retry.
    const targets = await findRetryTargets(now());
    expect(targets.flatMap((t) => t.invoiceIds)).not.toContain(b.invoice.id);
  });

  it('a NORMAL card or a bank transfer triggers nothing', async () => {
    const { seeded, tenantId, invoice } = await failedTenant();
    await card(seeded, OK, 'normal');
    const bank = tokenizeBankAccount({ kind: 'bank', bankName: 'Test Bank', accountNumber: '12345678', holder: 'Test Co' });
    await addPaymentMethod({ tenantId, token: bank.token, role: 'secondary', contact: null }, seeded.ownerActor);
    expect(await findRetryTargets(now(), [tenantId])).toEqual([]);
    const ran = await runDueJobs({ tenantIds: [tenantId] });
    expect(ran.map((j) => j.name)).not.toContain('invoice-retry');
    expect(await attemptsOf(tenantId, invoice.id)).toHaveLength(4);
    expect((await invoiceOf(tenantId, invoice.id)).status).toBe('failed');
  });

  it('adding a card in the portal enqueues the retry on the job queue, and a worker pays the invoice', async () => {
    const { seeded, tenantId, invoice } = await failedTenant();
    const worker = await startWorker({ jobs: [invoiceRetry] as JobDefinition<unknown>[], schedule: false, pollingIntervalSeconds: 0.5, instanceName: 'test-retry' });
    workers.push(worker);
    const caller = await callerFor(seeded.users.billing.id, tenantId);
    const added = await caller.paymentMethods.add({ token: cardToken(OK), role: 'secondary', contact: null });
    await until(async () => (await invoiceOf(tenantId, invoice.id)).status === 'paid');
    expect((await invoiceOf(tenantId, invoice.id)).paymentMethodId).toBe(added.id);
    // The handler pays the invoice before pg-boss marks its job completed, so wait for that too.
    const retryJobStates = async () =>
      (await prisma.$queryRaw<{ state: string }[]>`SELECT state::text FROM pgboss.job WHERE name = 'invoice-retry' AND singleton_key = ${`retry:${tenantId}`}`).map((j) => j.state);
    await until(async () => (await retryJobStates()).includes('completed'));
    expect(await retryJobStates()).toContain('completed');
  });
});

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
