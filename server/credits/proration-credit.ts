import type { Tx } from '../transaction';
import type { DecimalLike } from '../money';
import { appendCreditTransaction } from './ledger';

/** The ledger remark of a proration credit, in the tenant's language (seed 000: 套餐降级按比例信用). */
export function prorationCreditRemark(locale: string): string {
  return locale === 'zh-CN' ? '套餐降级按比例信用' : 'Prorated credit for plan downgrade';
}

export type ProrationCreditInput = { tenantId: string; subscriptionId: string; amount: DecimalLike; locale: string };

/**
 * A downgrade applied now gives the prorated difference back as credit: `type: credit`,
 * `source: proration`, `source_id: sub_…`. Always inside the transition's transaction, so the
 * credit and the plan change commit together; the caller audits the transition.
 */
export function creditProration(input: ProrationCreditInput, actorUserId: string | null, tx: Tx) {
  return appendCreditTransaction({
    tenantId: input.tenantId, type: 'credit', amount: input.amount, source: 'proration', sourceId: input.subscriptionId,
    remark: prorationCreditRemark(input.locale), actorUserId,
  }, tx);
}
