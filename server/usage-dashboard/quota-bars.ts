import { prisma } from '../db';
import { now } from '../clock';
import { money, toDecimalString } from '../money';
import { currentUsagePeriod, daysRemaining, percentOf, projectScope, quantityString } from './period';
import { meteredResourceTypes, type DashboardScope } from './series';
import { QUOTA_LIMITS_SQL } from './sql';
import type { ProjectionResult, QuotaBarsResult, ResourceTypeInfo } from './schema';

/** The tenant-wide namespace: a quota there counts the usage of every namespace. */
export const SYSTEM_NAMESPACE = 'system';

type LimitRow = {
  quota_id: string; quota_name: string; namespace_id: string; namespace: string; app_id: string | null; app_name: string | null;
  enforcement: 'hard' | 'soft'; disabled: boolean; resource_type: string; maximum: string;
};

/** A resource type the catalog does not meter still gets a bar, named by its key. */
const unknownResource = (resourceType: string): ResourceTypeInfo => ({ resourceType, name: resourceType, nameZh: resourceType, unit: '', meterKind: 'counter' });

/**
 * `usageDashboard.quotaBars`: every quota resource limit with the period's usage in its scope (its
 * namespace — all of them for `system` — and its app when it names one), percent used and the
 * projection to the period end.
 */
export async function readQuotaBars(scope: DashboardScope): Promise<QuotaBarsResult> {
  const period = await currentUsagePeriod(scope.tenantId, scope.timeZone, now());
  const [limits, resourceTypes] = await Promise.all([prisma.$queryRawUnsafe<LimitRow[]>(QUOTA_LIMITS_SQL, scope.tenantId), meteredResourceTypes()]);
  const byType = new Map(resourceTypes.map((r) => [r.resourceType, r]));
  const bars = await Promise.all(limits.map(async (limit) => {
    const resource = byType.get(limit.resource_type) ?? unknownResource(limit.resource_type);
    const namespaceId = limit.namespace === SYSTEM_NAMESPACE ? null : limit.namespace_id;
    const projection = await projectScope({ tenantId: scope.tenantId, resource, namespaceId, appId: limit.app_id }, period);
    const maximum = money(limit.maximum);
    return {
      quotaId: limit.quota_id, quotaName: limit.quota_name, namespace: limit.namespace, appId: limit.app_id, appName: limit.app_name,
      enforcement: limit.enforcement, disabled: limit.disabled, resource, maximum: limit.maximum,
      used: quantityString(projection.used), percentUsed: percentOf(projection.used, maximum),
      projected: quantityString(projection.projected), projectedPercent: percentOf(projection.projected, maximum), method: projection.method,
    };
  }));
  return { periodStart: period.periodStart, periodEnd: period.periodEnd, asOf: period.asOf, timeZone: scope.timeZone, bars };
}

/** `usageDashboard.projection`: each metered resource type, tenant-wide, projected to the period end, beside the plan's included units. */
export async function readProjection(scope: DashboardScope): Promise<ProjectionResult> {
  const period = await currentUsagePeriod(scope.tenantId, scope.timeZone, now());
  const resourceTypes = await meteredResourceTypes();
  const included = period.planCode
    ? await prisma.planEntitlement.findMany({ where: { planCode: period.planCode }, select: { resourceType: true, includedUnits: true } })
    : [];
  const includedBy = new Map(included.map((e) => [e.resourceType, toDecimalString(e.includedUnits)]));
  const items = await Promise.all(resourceTypes.map(async (resource) => {
    const projection = await projectScope({ tenantId: scope.tenantId, resource, namespaceId: null, appId: null }, period);
    return {
      resource, used: quantityString(projection.used), dailyAverage: projection.dailyAverage ? quantityString(projection.dailyAverage) : null,
      projected: quantityString(projection.projected), method: projection.method, includedUnits: includedBy.get(resource.resourceType) ?? null,
    };
  }));
  return {
    periodStart: period.periodStart, periodEnd: period.periodEnd, asOf: period.asOf, timeZone: scope.timeZone,
    daysRemaining: toDecimalString(daysRemaining(period).toDecimalPlaces(2)), averageFrom: period.averageFrom, averageTo: period.averageTo, items,
  };
}
