import type { Tx } from '../transaction';

/**
 * Serialises pricing (and period closing) per tenant × resource type for the transaction: one
 * statement takes every lock in a fixed order (sorted keys), so two callers never deadlock.
 */
export async function lockResourceTypes(tx: Tx, tenantId: string, resourceTypes: string[]): Promise<void> {
  const keys = [...new Set(resourceTypes)].sort().map((resourceType) => `usage-pricing:${tenantId}:${resourceType}`);
  if (keys.length === 0) return;
  await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))::int AS n FROM (SELECT k FROM unnest(${keys}::text[]) AS k ORDER BY k COLLATE "C") AS ordered`;
}
