import { collectableMethods } from '../payment-methods/roles';
import type { Tx } from '../transaction';

/** The methods collection charges, in order (the payment-methods domain decides which: primary, then secondary). */
export { collectableMethods, type CollectableMethod } from '../payment-methods/roles';

/** Whether collection has anything to charge for this tenant (renewal leaves past_due to the first failed step then). */
export async function hasCollectableMethod(tenantId: string, tx: Tx): Promise<boolean> {
  return (await collectableMethods(tenantId, tx)).length > 0;
}
