import { prisma } from '../db';
import { now } from '../clock';
import { badRequest, conflict, notFound } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import type { Tx } from '../transaction';
import { expiryInFuture } from '../payments/provider';
import type { PaymentKind } from '../payments/provider';
import type { PaymentMethodRef, PaymentMethodRoleValue } from './schema';

/**
 * F5 roles: at most one PRIMARY and at most one SECONDARY active method per tenant, the rest NORMAL.
 * Every change of a tenant's methods first takes a transaction-scoped advisory lock on the tenant,
 * so concurrent changes run one after another and each sees the result of the previous; the partial
 * unique indexes `payment_methods_one_{primary,secondary}_per_tenant` (migration 20261123021600)
 * are the database's backstop should any writer skip the lock.
 */
export async function lockTenantMethods(db: Tx, tenantId: string): Promise<void> {
  await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`payment_methods:${tenantId}`}, 0))::text AS locked`;
}

/**
 * The transaction a change of payment methods runs in (the caller's, or a new one). Changes of one
 * tenant queue on its lock while holding a pooled connection, so a burst (F5 clients retrying, a
 * script re-ranking methods) waits longer than Prisma's defaults (2 s for a connection, 5 s in all)
 * before it is its turn: allow a minute rather than fail a request that would have succeeded
 * (e2e/api/payment-methods.spec.ts: 200 concurrent changes over HTTP on a pool of 10).
 */
export function inMethodsTransaction<T>(tx: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? work(tx) : prisma.$transaction(work, { maxWait: 60_000, timeout: 60_000 });
}

type Slot = Exclude<PaymentMethodRoleValue, 'normal'>;

async function setRole(db: Tx, tenantId: string, id: string, role: PaymentMethodRoleValue): Promise<void> {
  await db.paymentMethod.update({ where: { tenantId_id: { tenantId, id } }, data: { role, updatedAt: now() } });
}

async function holderOf(db: Tx, tenantId: string, slot: Slot) {
  return db.paymentMethod.findFirst({ where: { tenantId, status: 'active', role: slot }, select: { id: true, name: true } });
}

/** Frees a slot: its current holder (if any) becomes normal, audited. Call with the tenant lock held. */
export async function demoteHolderOf(db: Tx, tenantId: string, slot: Slot, actor: Actor): Promise<void> {
  const holder = await holderOf(db, tenantId, slot);
  if (!holder) return;
  await setRole(db, tenantId, holder.id, 'normal');
  await recordAudit(db, actor, { tenantId, action: 'payment_method.role', targetType: 'payment_method', targetId: holder.id, before: { name: holder.name, role: slot }, after: { role: 'normal' } });
}

async function lockedMethod(db: Tx, tenantId: string, name: string) {
  await lockTenantMethods(db, tenantId);
  const method = await db.paymentMethod.findFirst({ where: { tenantId, name, status: 'active' }, select: { id: true, name: true, role: true } });
  if (!method) throw notFound('payment method', 'PAYMENT_METHOD_NOT_FOUND');
  return method;
}

/**
 * Gives the named method a slot (F5 MakePaymentMethodPrimary / Secondary). A no-op when it already
 * holds it. The slot's previous holder becomes normal; a method moving from the other slot leaves
 * that slot empty (F5: "the secondary slot is left empty").
 */
async function assignSlot(input: PaymentMethodRef & { tenantId: string }, slot: Slot, actor: Actor, tx?: Tx): Promise<void> {
  await inMethodsTransaction(tx, async (db) => {
    const method = await lockedMethod(db, input.tenantId, input.name);
    if (method.role === slot) return;
    await demoteHolderOf(db, input.tenantId, slot, actor);
    await setRole(db, input.tenantId, method.id, slot);
    await recordAudit(db, actor, { tenantId: input.tenantId, action: 'payment_method.role', targetType: 'payment_method', targetId: method.id, before: { name: method.name, role: method.role }, after: { role: slot } });
  });
}

export const makePrimary = (input: PaymentMethodRef & { tenantId: string }, actor: Actor, tx?: Tx) => assignSlot(input, 'primary', actor, tx);
export const makeSecondary = (input: PaymentMethodRef & { tenantId: string }, actor: Actor, tx?: Tx) => assignSlot(input, 'secondary', actor, tx);

/**
 * Exchanges the primary and the secondary (F5 SwapPaymentMethodRole). The named method must hold one
 * of the two slots (else 400), and the other slot must be filled (else 409: a swap with nothing would
 * leave the tenant without a primary). The old primary steps down to normal first, so the partial
 * unique indexes hold at every statement.
 */
export async function swapPrimary(input: PaymentMethodRef & { tenantId: string }, actor: Actor, tx?: Tx): Promise<void> {
  await inMethodsTransaction(tx, async (db) => {
    const method = await lockedMethod(db, input.tenantId, input.name);
    if (method.role === 'normal') throw badRequest('only the primary or the secondary payment method can be swapped', 'NOT_PRIMARY_OR_SECONDARY');
    const [primary, secondary] = [await holderOf(db, input.tenantId, 'primary'), await holderOf(db, input.tenantId, 'secondary')];
    if (!primary || !secondary) throw conflict(`there is no ${primary ? 'secondary' : 'primary'} payment method to swap with`, 'NOTHING_TO_SWAP');
    await setRole(db, input.tenantId, primary.id, 'normal');
    await setRole(db, input.tenantId, secondary.id, 'primary');
    await setRole(db, input.tenantId, primary.id, 'secondary');
    await recordAudit(db, actor, {
      tenantId: input.tenantId, action: 'payment_method.swap', targetType: 'payment_method', targetId: method.id,
      before: { primary: primary.name, secondary: secondary.name }, after: { primary: secondary.name, secondary: primary.name },
    });
  });
}

export type CollectableMethod = {
  id: string;
  name: string;
  role: 'primary' | 'secondary';
  kind: PaymentKind;
  provider: string;
  providerToken: string;
  brand: string | null;
  last4: string | null;
};

/**
 * What collection charges, in order: the active primary, then the active secondary. NORMAL methods are
 * never charged automatically (the tenant did not name them for it), nor is a bank transfer (finance
 * settles it) or a card past its expiry month. Empty when there is nothing to charge: the invoice then
 * stays owed and dunning runs. Pass the collection's transaction to read inside it.
 */
export async function collectableMethods(tenantId: string, tx?: Tx | typeof prisma): Promise<CollectableMethod[]> {
  const db = tx ?? prisma;
  const rows = await db.paymentMethod.findMany({
    where: { tenantId, status: 'active', role: { in: ['primary', 'secondary'] }, kind: { not: 'bank' } },
    select: { id: true, name: true, role: true, kind: true, provider: true, providerToken: true, brand: true, last4: true, expMonth: true, expYear: true },
  });
  const at = now();
  return rows
    .filter((row) => row.kind !== 'card' || expiryInFuture(row.expMonth ?? 0, row.expYear ?? 0, at))
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'primary' ? -1 : 1))
    .map(({ expMonth: _m, expYear: _y, role, ...row }) => ({ ...row, role: role as 'primary' | 'secondary' }));
}
