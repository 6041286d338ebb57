import { prisma } from '../db';
import { now } from '../clock';
import { badRequest } from '../errors';
import { SYSTEM_NAMESPACE, type NamespaceRef } from '../tenants/namespaces';
import { loadPeriodResolver } from '../usage-pricing/periods';

/** Who is reading and where: `system` reads the whole tenant, any other namespace only its own usage. */
export type UsageScope = { tenantId: string; namespace: NamespaceRef };

export type TenantFacts = { currency: string; billingTimezone: string; locale: string };

export function tenantFacts(tenantId: string): Promise<TenantFacts> {
  return prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true, billingTimezone: true, locale: true } });
}

/** The charge-line / rollup filter for a scope's namespace (none for `system`). */
export function namespaceFilter(scope: UsageScope): { namespaceId?: string } {
  return scope.namespace.name === SYSTEM_NAMESPACE ? {} : { namespaceId: scope.namespace.id };
}

/** F5 repeats the namespace in the body: when given it must be the path's. */
export function assertBodyNamespace(scope: UsageScope, bodyNamespace: string | undefined): void {
  if (bodyNamespace !== undefined && bodyNamespace !== scope.namespace.name) {
    throw badRequest(`body namespace "${bodyNamespace}" does not match the path namespace "${scope.namespace.name}"`, 'NAMESPACE_MISMATCH');
  }
}

const HOUR = 3_600_000;

/** `[from, to)` as asked, or the tenant's current billing period (its pricing period at this hour). */
export async function rangeOrCurrentPeriod(tenantId: string, timeZone: string, range: { from?: Date; to?: Date }): Promise<{ from: Date; to: Date }> {
  if (range.from && range.to) return { from: range.from, to: range.to };
  const hour = new Date(Math.floor(now().getTime() / HOUR) * HOUR);
  const resolver = await loadPeriodResolver(prisma, tenantId, timeZone, hour, hour);
  const period = resolver.periodFor(hour);
  return { from: period.start, to: period.end };
}

/** Rollup hours overlapping `[from, to)`: from rounded down to its hour. */
export function hourBounds(from: Date, to: Date): { gte: Date; lt: Date } {
  return { gte: new Date(Math.floor(from.getTime() / HOUR) * HOUR), lt: to };
}
