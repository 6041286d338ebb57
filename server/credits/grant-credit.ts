import { z } from 'zod';
import { prisma } from '../db';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { appendCreditTransaction } from './ledger';

export const grantCreditInput = z.strictObject({
  amount: z.string().regex(/^\d{1,21}(\.\d{1,9})?$/),
  source: z.enum(['promotion', 'adjustment', 'refund', 'manual']),
  remark: z.string().trim().min(1).max(500),
});

/** Adds credit to a tenant's ledger (finance staff, promotions); open invoices are not touched here. */
export async function grantCredit(tenantId: string, raw: z.input<typeof grantCreditInput>, actor: Actor) {
  const input = grantCreditInput.parse(raw);
  return prisma.$transaction(async (tx) => {
    const entry = await appendCreditTransaction(tx, { tenantId, type: 'credit', amount: input.amount, source: input.source, remark: input.remark, actorUserId: actor.userId });
    await recordAudit(tx, actor, { tenantId, action: 'credit.grant', targetType: 'credit_transaction', targetId: entry.id, after: { amount: input.amount, source: input.source, balance: entry.balance } });
    return entry;
  });
}
