import { prisma } from '../db';
import { inTransaction, type Tx } from '../transaction';
import { now } from '../clock';
import { newId } from '../ids';
import { badRequest } from '../errors';
import { money, ZERO, type Decimal, type DecimalLike } from '../money';
import type { CreditSource, CreditTransactionType } from '../generated/prisma/enums';

export type CreditEntry = {
  tenantId: string;
  type: CreditTransactionType;
  amount: DecimalLike;
  source: CreditSource;
  sourceId?: string | null;
  remark?: string;
  actorUserId?: string | null;
};

/** Prefix of the per-tenant advisory-lock key (hashed with the tenant id), apart from other locks. */
const LOCK_NAMESPACE = 'counterfoil.credit-ledger:';

/**
 * Serialises every write to one tenant's ledger until the transaction ends: a transaction-scoped
 * advisory lock keyed by the tenant, so concurrent appends and applications queue, each running
 * balance follows the one before it, and N concurrent applications can never overdraw. (tenant, seq)
 * is unique as a second guard.
 */
export async function lockLedger(tx: Tx, tenantId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${LOCK_NAMESPACE + tenantId}, 0))::text AS locked`;
}

/**
 * Appends to the tenant's ledger under the tenant's ledger lock. A debit is drawn from the open
 * credits oldest first (FIFO), and each part is recorded in `credit_allocations`, so what is left
 * of every grant is on record and none goes below zero. Inside the caller's transaction when given
 * one, else in its own.
 */
export async function appendCreditTransaction(entry: CreditEntry, tx?: Tx) {
  const amount = money(entry.amount);
  if (amount.lte(0)) throw badRequest('credit amounts are positive; the type gives the direction', 'INVALID_AMOUNT');
  return inTransaction(tx, async (db) => {
    await lockLedger(db, entry.tenantId);
    return appendLocked(db, entry, amount);
  });
}

async function appendLocked(tx: Tx, entry: CreditEntry, amount: Decimal) {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: entry.tenantId }, select: { currency: true } });
  const last = await tx.creditTransaction.findFirst({ where: { tenantId: entry.tenantId }, orderBy: { seq: 'desc' }, select: { seq: true, balance: true } });
  const previous = last ? money(last.balance) : ZERO;
  const balance = entry.type === 'credit' ? previous.plus(amount) : previous.minus(amount);
  if (balance.isNegative()) throw badRequest('the credit balance cannot go below zero', 'INSUFFICIENT_CREDIT');
  const row = await tx.creditTransaction.create({
    data: {
      tenantId: entry.tenantId, id: newId('ctr'), seq: (last?.seq ?? 0) + 1, type: entry.type, amount, balance,
      currency: tenant.currency, source: entry.source, sourceId: entry.sourceId ?? null, remark: entry.remark ?? '', actorUserId: entry.actorUserId ?? null,
      createdAt: now(),
    },
  });
  if (entry.type === 'debit') await allocateOldestFirst(tx, entry.tenantId, row.id, amount);
  return row;
}

export type OpenCredit = { id: string; seq: number; amount: Decimal; remaining: Decimal; source: CreditSource; createdAt: Date };

/** Credits with something left, oldest first: amount minus what debits have drawn from each. */
export async function openCredits(tenantId: string, db: Tx | typeof prisma = prisma): Promise<OpenCredit[]> {
  const rows = await db.$queryRaw<{ id: string; seq: number; amount: string; remaining: string; source: CreditSource; created_at: Date }[]>`
    SELECT c.id, c.seq, c.amount::text AS amount, (c.amount - COALESCE(SUM(a.amount), 0))::text AS remaining, c.source::text AS source, c.created_at
    FROM credit_transactions c
    LEFT JOIN credit_allocations a ON a.tenant_id = c.tenant_id AND a.credit_id = c.id
    WHERE c.tenant_id = ${tenantId} AND c.type = 'credit'
    GROUP BY c.tenant_id, c.id, c.seq, c.amount, c.source, c.created_at
    HAVING c.amount - COALESCE(SUM(a.amount), 0) > 0
    ORDER BY c.seq`;
  return rows.map((r) => ({ id: r.id, seq: Number(r.seq), amount: money(r.amount), remaining: money(r.remaining), source: r.source, createdAt: r.created_at }));
}

/** Draws `amount` from the open credits, oldest first; the caller holds the ledger lock. */
async function allocateOldestFirst(tx: Tx, tenantId: string, debitId: string, amount: Decimal): Promise<void> {
  let left = amount;
  const parts: { tenantId: string; debitId: string; creditId: string; amount: Decimal; createdAt: Date }[] = [];
  for (const credit of await openCredits(tenantId, tx)) {
    if (left.lte(0)) break;
    const take = credit.remaining.lt(left) ? credit.remaining : left;
    parts.push({ tenantId, debitId, creditId: credit.id, amount: take, createdAt: now() });
    left = left.minus(take);
  }
  // The balance check above makes this unreachable unless the ledger and its allocations disagree.
  if (left.gt(0)) throw new Error(`credit ledger of ${tenantId} is inconsistent: ${left.toFixed()} of a debit has no credit to draw from`);
  await tx.creditAllocation.createMany({ data: parts });
}

/**
 * Applies up to `upTo` of the balance to something owed (an invoice), under the ledger lock, so the
 * amount is decided and debited atomically: returns the debit row, or null when there is no credit.
 */
export async function applyAvailableCredit(
  input: { tenantId: string; upTo: DecimalLike; sourceId: string; remark: string; actorUserId?: string | null },
  tx?: Tx,
) {
  const upTo = money(input.upTo);
  return inTransaction(tx, async (db) => {
    await lockLedger(db, input.tenantId);
    const { balance } = await getCreditBalance(input.tenantId, db);
    const applied = balance.lt(upTo) ? balance : upTo;
    if (applied.lte(0)) return null;
    return appendLocked(db, {
      tenantId: input.tenantId, type: 'debit', amount: applied, source: 'invoice_payment', sourceId: input.sourceId, remark: input.remark, actorUserId: input.actorUserId ?? null,
    }, applied);
  });
}

export type CreditBalance = { balance: Decimal; currency: string; updatedAt: Date | null };

/** The balance is the ledger's latest running balance: there is no other copy to drift. */
export async function getCreditBalance(tenantId: string, db: Tx | typeof prisma = prisma): Promise<CreditBalance> {
  // One after the other: inside a transaction both would queue on one connection anyway.
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true } });
  const last = await db.creditTransaction.findFirst({ where: { tenantId }, orderBy: { seq: 'desc' }, select: { balance: true, createdAt: true } });
  return { balance: last ? money(last.balance) : ZERO, currency: tenant.currency, updatedAt: last?.createdAt ?? null };
}
