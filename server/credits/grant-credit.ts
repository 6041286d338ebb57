import { inTransaction, type Tx } from '../transaction';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { appendCreditTransaction } from './ledger';
import type { GrantCreditInput } from './schema';

/**
 * Adds credit to a tenant's ledger (finance staff, promotions); open invoices are not touched here.
 * Inside the caller's transaction when given one, else in its own.
 */
export async function grantCredit(input: GrantCreditInput & { tenantId: string }, actor: Actor, tx?: Tx) {
  const { tenantId } = input;
  return inTransaction(tx, async (db) => {
    const entry = await appendCreditTransaction({ tenantId, type: 'credit', amount: input.amount, source: input.source, remark: input.remark, actorUserId: actor.userId }, db);
    await recordAudit(db, actor, { tenantId, action: 'credit.grant', targetType: 'credit_transaction', targetId: entry.id, after: { amount: input.amount, source: input.source, balance: entry.balance } });
    return entry;
  });
}
