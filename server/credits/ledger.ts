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

/**
 * Appends to the tenant's ledger. The tenant row is locked first, so concurrent appends queue
 * and each running balance follows the one before it; (tenant, seq) is unique as a second guard.
 * Inside the caller's transaction when given one, else in its own.
 */
export async function appendCreditTransaction(entry: CreditEntry, tx?: Tx) {
  const amount = money(entry.amount);
  if (amount.lte(0)) throw badRequest('credit amounts are positive; the type gives the direction', 'INVALID_AMOUNT');
  return inTransaction(tx, (db) => appendLocked(db, entry, amount));
}

async function appendLocked(tx: Tx, entry: CreditEntry, amount: Decimal) {
  await tx.$queryRaw`SELECT id FROM tenants WHERE id = ${entry.tenantId} FOR UPDATE`;
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: entry.tenantId }, select: { currency: true } });
  const last = await tx.creditTransaction.findFirst({ where: { tenantId: entry.tenantId }, orderBy: { seq: 'desc' }, select: { seq: true, balance: true } });
  const previous = last ? money(last.balance) : ZERO;
  const balance = entry.type === 'credit' ? previous.plus(amount) : previous.minus(amount);
  if (balance.isNegative()) throw badRequest('the credit balance cannot go below zero', 'INSUFFICIENT_CREDIT');
  return tx.creditTransaction.create({
    data: {
      tenantId: entry.tenantId, id: newId('ctr'), seq: (last?.seq ?? 0) + 1, type: entry.type, amount, balance,
      currency: tenant.currency, source: entry.source, sourceId: entry.sourceId ?? null, remark: entry.remark ?? '', actorUserId: entry.actorUserId ?? null,
      createdAt: now(),
    },
  });
}

export type CreditBalance = { balance: Decimal; currency: string; updatedAt: Date | null };

/** The balance is the ledger's latest running balance: there is no other copy to drift. */
export async function getCreditBalance(tenantId: string, db: Tx | typeof prisma = prisma): Promise<CreditBalance> {
  const [tenant, last] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true } }),
    db.creditTransaction.findFirst({ where: { tenantId }, orderBy: { seq: 'desc' }, select: { balance: true, createdAt: true } }),
  ]);
  return { balance: last ? money(last.balance) : ZERO, currency: tenant.currency, updatedAt: last?.createdAt ?? null };
}
