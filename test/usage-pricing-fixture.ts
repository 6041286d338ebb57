import type { SeededTenant } from '../prisma/seed/factories';
import { prisma } from '../server/db';
import { ingestUsageEvents } from '../server/usage/ingest';
import type { UsageEventInput } from '../server/usage/schema';
import { priceUsageHours, type TouchedHour } from '../server/usage-pricing/price-usage-hours';
import type { RawUsageEvent } from '../server/usage-pricing/price-from-scratch';

const HOUR = 3_600_000;

/**
 * Ingests events through the product's ingest and prices the hours they touched in the same
 * transaction (what the ingest does once it calls the pricer itself; pricing twice is a no-op).
 * Returns the accepted events as the from-scratch pricer reads them.
 */
export async function ingestAndPrice(seeded: SeededTenant, events: UsageEventInput[]): Promise<RawUsageEvent[]> {
  const namespaces = await prisma.namespace.findMany({ where: { tenantId: seeded.tenant.id }, select: { id: true, name: true } });
  const nsId = new Map(namespaces.map((n) => [n.name, n.id]));
  return prisma.$transaction(async (tx) => {
    const result = await ingestUsageEvents({ tenantId: seeded.tenant.id, apiKeyId: null, events }, seeded.ownerActor, tx);
    const accepted = events.filter((_, i) => result.results[i]!.status === 'accepted');
    const raw = accepted.map((e) => ({
      namespaceId: nsId.get(e.namespace ?? 'system')!, appId: e.app_id ?? null, resourceType: e.resource_type,
      quantity: String(e.quantity), occurredAt: new Date(e.timestamp),
    }));
    const hours: TouchedHour[] = raw.map((e) => ({ namespaceId: e.namespaceId, appId: e.appId, resourceType: e.resourceType, hourStart: new Date(Math.floor(e.occurredAt.getTime() / HOUR) * HOUR) }));
    await priceUsageHours(tx, { tenantId: seeded.tenant.id, hours });
    return raw;
  }, { timeout: 60_000 });
}
