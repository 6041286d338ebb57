import { prisma } from '../db';
import { toDecimalString } from '../money';
import { getCreditBalance } from './ledger';
import type { CreditBalanceView, CreditLedgerInput, CreditLedgerPage, CreditTransactionView } from './schema';

type Row = Awaited<ReturnType<typeof prisma.creditTransaction.findFirstOrThrow>>;

export function creditTransactionView(row: Row): CreditTransactionView {
  return {
    id: row.id, seq: row.seq, type: row.type, amount: toDecimalString(row.amount), balance: toDecimalString(row.balance), currency: row.currency,
    source: row.source, sourceId: row.sourceId, remark: row.remark, createdAt: row.createdAt,
  };
}

/** `credits.balance`: the ledger's latest running balance (seed 000 CreditBalanceResponse). */
export async function readCreditBalance(tenantId: string): Promise<CreditBalanceView> {
  const balance = await getCreditBalance(tenantId);
  return { tenantId, balance: toDecimalString(balance.balance), currency: balance.currency, updatedAt: balance.updatedAt };
}

/** `credits.ledger`: one page of the ledger, newest first, paged on the server by seq. */
export async function readCreditLedger(input: CreditLedgerInput & { tenantId: string }): Promise<CreditLedgerPage> {
  const { tenantId, page, pageSize } = input;
  const [rows, total] = await Promise.all([
    prisma.creditTransaction.findMany({ where: { tenantId }, orderBy: { seq: 'desc' }, skip: (page - 1) * pageSize, take: pageSize }),
    prisma.creditTransaction.count({ where: { tenantId } }),
  ]);
  return { items: rows.map(creditTransactionView), total, page, pageSize };
}
