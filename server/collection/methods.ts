import type { Tx } from '../transaction';

export type CollectableMethod = { id: string; role: 'primary' | 'secondary'; kind: string; provider: string; providerToken: string; last4: string | null; brand: string | null };

/**
 * The methods collection charges, in order: the active primary, then the active secondary. A bank
 * transfer is never charged automatically (finance settles it), so it is left out.
 * TODO(payment-methods): replace with the payment-methods domain's `collectableMethods` once committed.
 */
export async function collectableMethods(tenantId: string, tx: Pick<Tx, 'paymentMethod'>): Promise<CollectableMethod[]> {
  const rows = await tx.paymentMethod.findMany({
    where: { tenantId, status: 'active', role: { in: ['primary', 'secondary'] }, kind: { not: 'bank' } },
    select: { id: true, role: true, kind: true, provider: true, providerToken: true, last4: true, brand: true },
  });
  const order = { primary: 0, secondary: 1 } as const;
  return rows
    .filter((row): row is typeof row & { role: 'primary' | 'secondary' } => row.role !== 'normal')
    .sort((a, b) => order[a.role] - order[b.role]);
}

/** Whether collection has anything to charge for this tenant (renewal leaves past_due to the first failed attempt then). */
export async function hasCollectableMethod(tenantId: string, tx: Pick<Tx, 'paymentMethod'>): Promise<boolean> {
  return (await collectableMethods(tenantId, tx)).length > 0;
}
