import { afterEach, describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { SYSTEM_ACTOR } from '../audit/actor';
import { advanceClock, now, setClock, useSystemClock } from '../clock';
import { getCreditBalance } from '../credits/ledger';
import { grantCredit } from '../credits/grant-credit';
import { prisma } from '../db';
import { getTenantOverview } from '../tenants/overview';
import { resolveTenantAccess } from '../tenants/tenant-access';
import { renewDueSubscriptions } from './renew-subscriptions';
import { startSubscription } from './start-subscription';

const T0 = new Date('2026-03-15T10:00:00Z');
/** Local midnight of 2026-03-15 in Asia/Shanghai, and the same wall time a month / two months later. */
const MARCH_15 = '2026-03-14T16:00:00.000Z';
const APRIL_15 = '2026-04-14T16:00:00.000Z';
const MAY_15 = '2026-05-14T16:00:00.000Z';
const INVOICE_NUMBER = /^INV-2026-\d{3,}$/;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const tenants: string[] = [];
const invoiceNumbers: string[] = [];

afterEach(async () => {
  // Leave nothing live for another file's renewal run to pick up, then give the clock back.
  await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
  useSystemClock();
});

async function tenant(currency: 'CNY' | 'USD' = 'CNY'): Promise<SeededTenant> {
  const seeded = await seedTestTenant(currency);
  tenants.push(seeded.tenant.id);
  return seeded;
}

function subscribe(seeded: SeededTenant, planCode: string) {
  return startSubscription({ tenantId: seeded.tenant.id, planCode, adminUserId: seeded.users.owner.id }, seeded.ownerActor);
}

async function recordsOf(tenantId: string) {
  const records = await prisma.billingRecord.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: 'asc' }, { invoiceNumber: 'asc' }],
    include: { lineItems: { orderBy: { position: 'asc' } } },
  });
  for (const record of records) if (record.invoiceNumber && !invoiceNumbers.includes(record.invoiceNumber)) invoiceNumbers.push(record.invoiceNumber);
  return records;
}

/** Each running balance follows the one before it, and the balance shown is the last row's. */
async function expectLedgerConsistent(tenantId: string): Promise<string> {
  const rows = await prisma.creditTransaction.findMany({ where: { tenantId }, orderBy: { seq: 'asc' } });
  let running = 0n;
  const cents = (value: { toFixed(digits: number): string }) => BigInt(value.toFixed(2).replace('.', ''));
  rows.forEach((row, index) => {
    expect(row.seq).toBe(index + 1);
    running += row.type === 'credit' ? cents(row.amount) : -cents(row.amount);
    expect(cents(row.balance), `balance after seq ${row.seq}`).toBe(running);
  });
  const { balance } = await getCreditBalance(tenantId);
  expect(balance.toFixed(2)).toBe(rows.at(-1)?.balance.toFixed(2) ?? '0.00');
  return balance.toFixed(2);
}

describe('subscriptions: first invoice and renewal', () => {
  it('starts a CNY starter subscription at local midnight and invoices 99 + 6 % VAT at once', async () => {
    setClock(T0);
    const seeded = await tenant('CNY');
    const sub = await subscribe(seeded, 'starter');
    expect(sub).toMatchObject({ status: 'active', planCode: 'starter', billingCycle: 'monthly', currency: 'CNY', trialEndDate: null, startedAt: T0 });
    expect(sub.amount.toString()).toBe('99');
    expect(sub.currentPeriodStart.toISOString()).toBe(MARCH_15);
    expect(sub.currentPeriodEnd.toISOString()).toBe(APRIL_15);

    const records = await recordsOf(seeded.tenant.id);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({ type: 'subscription', status: 'open', currency: 'CNY', subscriptionId: sub.id, description: '入门版月度订阅', finalizedAt: T0, paidAt: null });
    expect(record!.invoiceNumber).toMatch(INVOICE_NUMBER);
    expect([record!.subtotal.toFixed(2), record!.taxAmount.toFixed(2), record!.amount.toFixed(2)]).toEqual(['99.00', '5.94', '104.94']);
    expect([record!.subtotal.toString(), record!.taxAmount.toString(), record!.amount.toString()]).toEqual(['99', '5.94', '104.94']);
    expect(record!.creditAppliedAmount.toString()).toBe('0');
    expect([record!.periodStart?.toISOString(), record!.periodEnd?.toISOString()]).toEqual([MARCH_15, APRIL_15]);
    expect(record!.dueAt?.toISOString()).toBe(new Date(T0.getTime() + 14 * DAY).toISOString());

    expect(record!.lineItems).toHaveLength(1);
    const [line] = record!.lineItems;
    expect(line).toMatchObject({ position: 1, resourceType: 'subscription', description: '入门版月度订阅' });
    expect([line!.quantity.toString(), line!.unitPrice.toFixed(2), line!.amount.toFixed(2), line!.taxRate.toFixed(2), line!.taxAmount.toFixed(2)])
      .toEqual(['1', '99.00', '99.00', '0.06', '5.94']);
    expect([line!.amount.toString(), line!.taxRate.toString(), line!.taxAmount.toString()]).toEqual(['99', '0.06', '5.94']);
    expect([line!.periodStart?.toISOString(), line!.periodEnd?.toISOString()]).toEqual([MARCH_15, APRIL_15]);
    // Not yet due: a renewal run before the period end does nothing.
    advanceClock(7 * DAY);
    await renewDueSubscriptions({ tenantIds: [seeded.tenant.id] });
    expect(await recordsOf(seeded.tenant.id)).toHaveLength(1);
  });

  it('renews once past the period end, even with two runners in parallel', async () => {
    setClock(T0);
    const seeded = await tenant('CNY');
    const sub = await subscribe(seeded, 'starter');
    const [first] = await recordsOf(seeded.tenant.id);

    setClock(new Date(Date.parse(APRIL_15) + HOUR));
    await Promise.all([renewDueSubscriptions({ tenantIds: [seeded.tenant.id] }), renewDueSubscriptions({ tenantIds: [seeded.tenant.id] })]);
    const records = await recordsOf(seeded.tenant.id);
    expect(records).toHaveLength(2);
    const renewal = records.find((r) => r.id !== first!.id)!;
    expect(renewal.invoiceNumber).toMatch(INVOICE_NUMBER);
    expect(renewal.invoiceNumber).not.toBe(first!.invoiceNumber);
    expect(renewal).toMatchObject({ type: 'subscription', status: 'open', subscriptionId: sub.id });
    expect(renewal.amount.toString()).toBe('104.94');
    expect([renewal.periodStart?.toISOString(), renewal.periodEnd?.toISOString()]).toEqual([APRIL_15, MAY_15]);

    const renewed = await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId: seeded.tenant.id, id: sub.id } } });
    expect(renewed.status).toBe('past_due'); // no credit: the renewal invoice stays open, grace begins
    expect([renewed.currentPeriodStart.toISOString(), renewed.currentPeriodEnd.toISOString()]).toEqual([APRIL_15, MAY_15]);
    const audits = await prisma.auditLog.count({ where: { tenantId: seeded.tenant.id, action: 'subscription.renew', targetId: sub.id } });
    expect(audits).toBe(1);

    await renewDueSubscriptions({ tenantIds: [seeded.tenant.id] }); // a third run in the same period changes nothing
    expect(await recordsOf(seeded.tenant.id)).toHaveLength(2);
  });

  it('pays the first invoice from a credit grant and keeps the ledger and balance in step', async () => {
    setClock(T0);
    const seeded = await tenant('CNY');
    await grantCredit({ tenantId: seeded.tenant.id, amount: '150', source: 'promotion', remark: 'welcome credit' }, SYSTEM_ACTOR);
    expect(await expectLedgerConsistent(seeded.tenant.id)).toBe('150.00');

    await subscribe(seeded, 'starter');
    const [record] = await recordsOf(seeded.tenant.id);
    expect(record).toMatchObject({ status: 'paid', paidAt: T0 });
    expect(record!.creditAppliedAmount.toString()).toBe('104.94');

    const ledger = await prisma.creditTransaction.findMany({ where: { tenantId: seeded.tenant.id }, orderBy: { seq: 'asc' } });
    expect(ledger).toHaveLength(2);
    expect(ledger[0]).toMatchObject({ seq: 1, type: 'credit', source: 'promotion', currency: 'CNY' });
    expect(ledger[1]).toMatchObject({ seq: 2, type: 'debit', source: 'invoice_payment', sourceId: record!.id, currency: 'CNY' });
    expect([ledger[1]!.amount.toString(), ledger[1]!.balance.toString()]).toEqual(['104.94', '45.06']);
    expect(await expectLedgerConsistent(seeded.tenant.id)).toBe('45.06');
    const overview = await getTenantOverview((await resolveTenantAccess(seeded.users.owner.id, seeded.tenant.id))!);
    expect(overview.credit.balance).toBe('45.06');

    // The renewal takes what is left (45.06 of 104.94) and stays open for the rest.
    setClock(new Date(Date.parse(APRIL_15) + HOUR));
    await renewDueSubscriptions({ tenantIds: [seeded.tenant.id] });
    const records = await recordsOf(seeded.tenant.id);
    expect(records).toHaveLength(2);
    const renewal = records.find((r) => r.id !== record!.id)!;
    expect(renewal.status).toBe('open');
    expect(renewal.creditAppliedAmount.toString()).toBe('45.06');
    const last = await prisma.creditTransaction.findFirstOrThrow({ where: { tenantId: seeded.tenant.id }, orderBy: { seq: 'desc' } });
    expect(last).toMatchObject({ seq: 3, type: 'debit', source: 'invoice_payment', sourceId: renewal.id });
    expect(await expectLedgerConsistent(seeded.tenant.id)).toBe('0.00');
  });

  it('starts pro as a 14-day trial with no invoice until the trial ends', async () => {
    setClock(T0);
    const seeded = await tenant('CNY');
    const sub = await subscribe(seeded, 'pro');
    const trialEnd = '2026-03-28T16:00:00.000Z'; // local midnight of 2026-03-29, 14 days after 2026-03-15
    expect(sub.status).toBe('trialing');
    expect(sub.currentPeriodStart.toISOString()).toBe(MARCH_15);
    expect(sub.trialEndDate?.toISOString()).toBe(trialEnd);
    expect(sub.currentPeriodEnd.toISOString()).toBe(trialEnd);
    expect(await recordsOf(seeded.tenant.id)).toHaveLength(0);

    setClock(new Date(Date.parse(trialEnd) - HOUR));
    await renewDueSubscriptions({ tenantIds: [seeded.tenant.id] });
    expect(await recordsOf(seeded.tenant.id)).toHaveLength(0);

    setClock(new Date(Date.parse(trialEnd) + HOUR));
    await renewDueSubscriptions({ tenantIds: [seeded.tenant.id] });
    const records = await recordsOf(seeded.tenant.id);
    expect(records).toHaveLength(1);
    expect(records[0]!.invoiceNumber).toMatch(INVOICE_NUMBER);
    expect([records[0]!.subtotal.toString(), records[0]!.taxAmount.toString(), records[0]!.amount.toString()]).toEqual(['499', '29.94', '528.94']);
    expect(records[0]!.periodStart?.toISOString()).toBe(trialEnd);
    const converted = await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId: seeded.tenant.id, id: sub.id } } });
    expect(converted.status).toBe('past_due'); // converted, but the first paid period is unpaid (no credit)
  });

  it('bills a full month for the full monthly price after a trial', async () => {
    setClock(T0);
    const seeded = await tenant('CNY');
    const sub = await subscribe(seeded, 'pro');
    setClock(new Date(sub.trialEndDate!.getTime() + HOUR));
    await renewDueSubscriptions({ tenantIds: [seeded.tenant.id] });
    const [record] = await recordsOf(seeded.tenant.id);
    expect(record!.amount.toString()).toBe('528.94');
    // 499 CNY buys one monthly cycle: 2026-03-29 → 2026-04-29 local, not 2026-03-29 → 2026-04-15 (17 days).
    expect([record!.periodStart?.toISOString(), record!.periodEnd?.toISOString()]).toEqual(['2026-03-28T16:00:00.000Z', '2026-04-28T16:00:00.000Z']);
  });

  it('renews only the tenants it is scoped to', async () => {
    setClock(T0);
    const [a, b] = [await tenant('CNY'), await tenant('CNY')];
    const [subA, subB] = [await subscribe(a, 'pro'), await subscribe(b, 'pro')];
    setClock(new Date(subA.trialEndDate!.getTime() + HOUR));
    expect(await renewDueSubscriptions({ tenantIds: [a.tenant.id] })).toBe(1);
    expect(await recordsOf(a.tenant.id)).toHaveLength(1);
    expect(await recordsOf(b.tenant.id)).toHaveLength(0);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { tenantId_id: { tenantId: b.tenant.id, id: subB.id } } })).status).toBe('trialing');
  });

  it('never reuses an invoice number', async () => {
    expect(invoiceNumbers.length).toBeGreaterThanOrEqual(7);
    expect(new Set(invoiceNumbers).size).toBe(invoiceNumbers.length);
    for (const number of invoiceNumbers) expect(number).toMatch(INVOICE_NUMBER);
    const duplicates = await prisma.$queryRaw<{ invoice_number: string }[]>`
      SELECT invoice_number FROM billing_records WHERE invoice_number IS NOT NULL GROUP BY invoice_number HAVING count(*) > 1`;
    expect(duplicates).toEqual([]);
    const [sequence] = await prisma.$queryRaw<{ last_number: number }[]>`SELECT last_number FROM invoice_number_sequences WHERE year = 2026`;
    for (const number of invoiceNumbers) expect(Number(number.slice('INV-2026-'.length))).toBeLessThanOrEqual(sequence!.last_number);
  });
});
