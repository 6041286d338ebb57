import { inTransaction, type Tx } from '../transaction';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { notFound } from '../errors';
import { appendCreditTransaction } from './ledger';
import type { AdjustCreditInput, GrantCreditInput } from './schema';

/**
 * Adds credit to a tenant's ledger: promotions, refunds, and the proration credit of a downgrade.
 * Open invoices are not touched here; credit is applied to the next invoices as they are issued
 * (oldest credit first, see `ledger.ts`). Audited in the same transaction; inside the caller's
 * transaction when given one, else in its own.
 *
 * For a downgrade's proration credit (seed 000 example: `type: credit`, `source: proration`,
 * `source_id: sub_…`, remark 套餐降级按比例信用 / English for English tenants), either
 * `grantCredit({ tenantId, amount, source: 'proration', sourceId: 'sub_…', remark }, actor, tx)` (audited
 * here) or `creditProration` in `proration-credit.ts` (the transition audits itself).
 */
export async function grantCredit(input: GrantCreditInput & { tenantId: string }, actor: Actor, tx?: Tx) {
  const { tenantId } = input;
  return inTransaction(tx, async (db) => {
    const entry = await appendCreditTransaction({
      tenantId, type: 'credit', amount: input.amount, source: input.source, sourceId: input.sourceId ?? null, remark: input.remark, actorUserId: actor.userId,
    }, db);
    await recordAudit(db, actor, {
      tenantId, action: 'credit.grant', targetType: 'credit_transaction', targetId: entry.id,
      after: { amount: input.amount, source: input.source, sourceId: input.sourceId ?? null, balance: entry.balance },
    });
    return entry;
  });
}

/**
 * A finance correction (staff with the finance role or above): a credit or a debit with source
 * `adjustment` and the reason as its remark. A debit cannot take the balance below zero.
 */
export async function adjustCredit(input: AdjustCreditInput, actor: Actor, tx?: Tx) {
  return inTransaction(tx, async (db) => {
    const tenant = await db.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true } });
    if (!tenant) throw notFound('tenant', 'TENANT_NOT_FOUND');
    const entry = await appendCreditTransaction({
      tenantId: input.tenantId, type: input.direction, amount: input.amount, source: 'adjustment', remark: input.reason, actorUserId: actor.userId,
    }, db);
    await recordAudit(db, actor, {
      tenantId: input.tenantId, action: 'credit.adjust', targetType: 'credit_transaction', targetId: entry.id,
      after: { direction: input.direction, amount: input.amount, reason: input.reason, balance: entry.balance },
    });
    return entry;
  });
}
