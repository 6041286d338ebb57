import type { SeededTenant } from '../prisma/seed/factories';
import { prisma } from '../server/db';
import { ingestUsageEvents } from '../server/usage/ingest';
import { priceQueuedUsage } from '../server/usage/pricing-queue';
import type { UsageEventInput } from '../server/usage/schema';
import type { RawUsageEvent } from '../server/usage-pricing/price-from-scratch';

/**
 * Sends events through the product's ingest, then runs what the `usage-price` job runs for the
 * tenant (pricing the hours ingest queued), and returns the accepted ones as the from-scratch
 * pricer reads them.
 */
export async function ingestAndPrice(seeded: SeededTenant, events: UsageEventInput[]): Promise<RawUsageEvent[]> {
  const namespaces = await prisma.namespace.findMany({ where: { tenantId: seeded.tenant.id }, select: { id: true, name: true } });
  const nsId = new Map(namespaces.map((n) => [n.name, n.id]));
  const result = await ingestUsageEvents({ tenantId: seeded.tenant.id, apiKeyId: null, events }, seeded.ownerActor);
  await priceQueuedUsage({ tenantId: seeded.tenant.id });
  return events.filter((_, i) => result.results[i]!.status === 'accepted').map((e) => ({
    namespaceId: nsId.get(e.namespace ?? 'system')!, appId: e.app_id ?? null, resourceType: e.resource_type,
    quantity: String(e.quantity), occurredAt: new Date(e.timestamp),
  }));
}
