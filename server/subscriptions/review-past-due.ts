import { SYSTEM_ACTOR, type Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { settleFromCredit } from '../billing/issue-invoice';
import { now } from '../clock';
import { inTransaction, type Tx } from '../transaction';
import { graceEnd, lockSubscription, UNPAID_STATUSES, unpaidInvoices } from './lifecycle';
import type { ReviewPastDueInput } from './schema';

export type PastDueOutcome = 'reinstated' | 'suspended' | 'unchanged';

/**
 * The grace job's handler, for a past_due or suspended subscription: applies whatever credit there
 * is to its open invoices (oldest first); all paid → active again; still unpaid once grace has
 * ended → suspended. Under the row lock, so a re-run finds the state it left and does nothing.
 */
export function reviewPastDue(input: ReviewPastDueInput, actor: Actor = SYSTEM_ACTOR, tx?: Tx): Promise<PastDueOutcome> {
  return inTransaction(tx, async (tx) => {
    const sub = await lockSubscription(tx, input.tenantId, input.subscriptionId);
    if (sub.endedAt || !UNPAID_STATUSES.includes(sub.status)) return 'unchanged';
    for (const invoice of await unpaidInvoices(tx, input.tenantId, input.subscriptionId)) {
      await settleFromCredit({ tenantId: input.tenantId, recordId: invoice.id }, actor, tx);
    }
    const unpaid = await unpaidInvoices(tx, input.tenantId, input.subscriptionId);
    const where = { tenantId_id: { tenantId: input.tenantId, id: input.subscriptionId } };
    if (unpaid.length === 0) {
      await tx.subscription.update({ where, data: { status: 'active' } });
      await recordAudit(tx, actor, { tenantId: input.tenantId, action: 'subscription.reinstate', targetType: 'subscription', targetId: sub.id, before: { status: sub.status }, after: { status: 'active' } });
      return 'reinstated';
    }
    const ends = graceEnd(unpaid[0], sub.gracePeriodDays, sub.tenant.billingTimezone);
    if (sub.status === 'past_due' && ends && ends <= now()) {
      await tx.subscription.update({ where, data: { status: 'suspended' } });
      await recordAudit(tx, actor, {
        tenantId: input.tenantId, action: 'subscription.suspend', targetType: 'subscription', targetId: sub.id,
        before: { status: sub.status }, after: { status: 'suspended', graceEnd: ends, unpaidInvoices: unpaid.map((r) => r.id) },
      });
      return 'suspended';
    }
    return 'unchanged';
  });
}
