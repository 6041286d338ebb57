import { beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { prisma } from '../db';
import { AppError } from '../errors';
import { startSubscription } from '../subscriptions/start-subscription';
import { tokenizeBankAccount, tokenizeCard, tokenizeWallet } from '../payments/sandbox-provider';
import { addPaymentMethod, listPaymentMethods, removePaymentMethod } from './payment-methods';
import { collectableMethods, makePrimary, makeSecondary, swapPrimary } from './roles';
import type { PaymentMethodRoleValue } from './schema';

const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const card = (number = '4242424242424242', cvc = '123') => tokenizeCard({ number, expMonth: 12, expYear: NEXT_YEAR, cvc, holder: 'Li Lei' }).token;

async function add(seeded: SeededTenant, token: string, role: PaymentMethodRoleValue = 'normal') {
  return addPaymentMethod({ tenantId: seeded.tenant.id, token, role, contact: null }, seeded.ownerActor);
}
async function roles(tenantId: string) {
  const rows = await prisma.paymentMethod.findMany({ where: { tenantId, status: 'active' }, select: { name: true, role: true } });
  return Object.fromEntries(rows.map((row) => [row.name, row.role]));
}
const errorOf = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error as AppError);

describe('payment methods', () => {
  let seeded: SeededTenant;
  beforeAll(async () => {
    seeded = await seedTestTenant('CNY');
  });

  it('adds a card from a token, storing only the token and its display facts (never the number or CVC)', async () => {
    const token = card('4242 4242 4242 4242', '987');
    const view = await add(seeded, token, 'primary');
    expect(view).toMatchObject({ kind: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: NEXT_YEAR, holder: 'Li Lei', role: 'primary', expired: false });
    expect(view.name).toMatch(/^card-4242-[a-z0-9]{6}$/);
    const row = await prisma.paymentMethod.findFirstOrThrow({ where: { tenantId: seeded.tenant.id, name: view.name } });
    expect(row.providerToken).toBe(token);
    const stored = JSON.stringify({ row, audit: await prisma.auditLog.findMany({ where: { tenantId: seeded.tenant.id } }) });
    expect(stored).not.toContain('4242424242424242');
    // The CVC as a stored value or key (a substring test would also match random ids and timestamps).
    const values: string[] = [];
    JSON.parse(stored, (key, value) => {
      values.push(key);
      if (typeof value !== 'object' || value === null) values.push(String(value));
      return value;
    });
    expect(values.filter((value) => value === '987' || /^(cvc|cvv|cvn)$/i.test(value))).toEqual([]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: seeded.tenant.id, action: 'payment_method.add', targetId: view.id } });
    expect(audit.after).toMatchObject({ last4: '4242', role: 'primary' });
  });

  it('refuses a forged, tampered or already-added token', async () => {
    const token = card();
    const [body, mac] = token.split('.');
    const tampered = `${body!.slice(0, -2)}AA.${mac}`;
    for (const bad of ['tok_sbx_nothing.here', tampered, '4242424242424242']) {
      expect((await errorOf(add(seeded, bad))).reason, bad).toBe('INVALID_PAYMENT_TOKEN');
    }
    await add(seeded, token);
    expect((await errorOf(add(seeded, token))).reason).toBe('PAYMENT_METHOD_EXISTS');
  });

  it('keeps one primary and one secondary through make-primary, make-secondary and swap', async () => {
    const t = await seedTestTenant('USD');
    const a = await add(t, card(), 'primary');
    const b = await add(t, tokenizeWallet({ kind: 'alipay', account: 'lilei@example.cn' }).token, 'secondary');
    const c = await add(t, card('5555555555554444'), 'primary'); // takes the slot: a steps down
    expect(await roles(t.tenant.id)).toEqual({ [a.name]: 'normal', [b.name]: 'secondary', [c.name]: 'primary' });
    await makePrimary({ tenantId: t.tenant.id, name: b.name }, t.ownerActor); // secondary → primary leaves the secondary slot empty (F5)
    expect(await roles(t.tenant.id)).toEqual({ [a.name]: 'normal', [b.name]: 'primary', [c.name]: 'normal' });
    await makeSecondary({ tenantId: t.tenant.id, name: a.name }, t.ownerActor);
    await swapPrimary({ tenantId: t.tenant.id, name: a.name }, t.ownerActor);
    expect(await roles(t.tenant.id)).toEqual({ [a.name]: 'primary', [b.name]: 'secondary', [c.name]: 'normal' });
    expect((await errorOf(swapPrimary({ tenantId: t.tenant.id, name: c.name }, t.ownerActor))).reason).toBe('NOT_PRIMARY_OR_SECONDARY');
    await makePrimary({ tenantId: t.tenant.id, name: b.name }, t.ownerActor);
    expect((await errorOf(swapPrimary({ tenantId: t.tenant.id, name: b.name }, t.ownerActor))).reason).toBe('NOTHING_TO_SWAP');
    expect((await listPaymentMethods(t.tenant.id)).methods.map((m) => m.role)).toEqual(['primary', 'normal', 'normal']);
    const audits = await prisma.auditLog.count({ where: { tenantId: t.tenant.id, action: { in: ['payment_method.role', 'payment_method.swap'] } } });
    expect(audits).toBeGreaterThanOrEqual(6);
  });

  it('100 concurrent role changes leave at most one primary and one secondary', async () => {
    const t = await seedTestTenant('USD');
    const methods: { name: string }[] = [];
    for (let i = 0; i < 5; i++) methods.push(await add(t, card()));
    const changes = Array.from({ length: 100 }, (_, i) => {
      const input = { tenantId: t.tenant.id, name: methods[i % methods.length]!.name };
      const change = [makePrimary, makeSecondary, swapPrimary][i % 3]!;
      return change(input, t.ownerActor).catch((error: AppError) => error.reason);
    });
    const outcomes = await Promise.all(changes);
    for (const outcome of outcomes) expect([undefined, 'NOT_PRIMARY_OR_SECONDARY', 'NOTHING_TO_SWAP']).toContain(outcome);
    const counts = await prisma.paymentMethod.groupBy({ by: ['role'], where: { tenantId: t.tenant.id, status: 'active' }, _count: true });
    const count = (role: string) => counts.find((c) => c.role === role)?._count ?? 0;
    expect(count('primary')).toBeLessThanOrEqual(1);
    expect(count('secondary')).toBeLessThanOrEqual(1);
    expect(count('primary') + count('secondary') + count('normal')).toBe(5);
  });

  it('the database refuses a second primary even from a writer that skips the lock', async () => {
    const t = await seedTestTenant('USD');
    await add(t, card(), 'primary');
    const other = await add(t, card());
    await expect(prisma.paymentMethod.update({ where: { tenantId_id: { tenantId: t.tenant.id, id: other.id } }, data: { role: 'primary' } })).rejects.toThrow();
  });

  it('refuses to remove the only method able to pay an open invoice (409), allows it once another exists', async () => {
    const t = await seedTestTenant('CNY');
    await startSubscription({ tenantId: t.tenant.id, planCode: 'starter', adminUserId: t.users.owner.id }, t.ownerActor);
    const open = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId: t.tenant.id, status: 'open' } });
    const only = await add(t, card(), 'primary');
    const refused = await errorOf(removePaymentMethod({ tenantId: t.tenant.id, name: only.name }, t.ownerActor));
    expect(refused.status).toBe(409);
    expect(refused.reason).toBe('LAST_PAYMENT_METHOD_FOR_OPEN_INVOICE');
    expect(refused.message).toContain(open.invoiceNumber!);
    expect(refused.message).toContain('Add another payment method');
    await add(t, tokenizeWallet({ kind: 'alipay', account: 'pay@acme.cn' }).token);
    await removePaymentMethod({ tenantId: t.tenant.id, name: only.name }, t.ownerActor);
    expect(await roles(t.tenant.id)).not.toHaveProperty(only.name);
    const row = await prisma.paymentMethod.findFirstOrThrow({ where: { tenantId: t.tenant.id, name: only.name } });
    expect(row).toMatchObject({ status: 'removed', role: 'normal' });
    expect(await prisma.auditLog.count({ where: { tenantId: t.tenant.id, action: 'payment_method.remove', targetId: only.id } })).toBe(1);
    expect((await errorOf(removePaymentMethod({ tenantId: t.tenant.id, name: only.name }, t.ownerActor))).reason).toBe('PAYMENT_METHOD_NOT_FOUND');
  });

  it('removes freely when nothing is owed', async () => {
    const t = await seedTestTenant('USD');
    const only = await add(t, card(), 'primary');
    await removePaymentMethod({ tenantId: t.tenant.id, name: only.name }, t.ownerActor);
    expect((await listPaymentMethods(t.tenant.id)).methods).toEqual([]);
  });

  it('collectableMethods: the active primary then the secondary; never normal, bank or another tenant', async () => {
    const t = await seedTestTenant('CNY');
    const other = await seedTestTenant('CNY');
    await add(other, card(), 'primary');
    expect(await collectableMethods(t.tenant.id)).toEqual([]);
    const secondary = await add(t, tokenizeWallet({ kind: 'wechat', account: 'wxid_lilei' }).token, 'secondary');
    await add(t, card());
    const primary = await add(t, card('4000000000000002'), 'primary');
    const collectable = await collectableMethods(t.tenant.id);
    expect(collectable.map((m) => [m.name, m.role, m.kind])).toEqual([[primary.name, 'primary', 'card'], [secondary.name, 'secondary', 'wechat']]);
    expect(collectable[0]!.providerToken).toMatch(/^tok_sbx_/);
    const bank = await add(t, tokenizeBankAccount({ kind: 'bank', bankName: 'ICBC', accountNumber: '6222020200112233', holder: 'Acme Ltd' }).token);
    await makeSecondary({ tenantId: t.tenant.id, name: bank.name }, t.ownerActor);
    expect((await prisma.$transaction((tx) => collectableMethods(t.tenant.id, tx))).map((m) => m.name)).toEqual([primary.name]);
  });
});
