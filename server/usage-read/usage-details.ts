import { prisma } from '../db';
import { badRequest } from '../errors';
import { money, ZERO } from '../money';
import { rfc3339 } from '../time/rfc3339';
import { SYSTEM_NAMESPACE } from '../tenants/namespaces';
import type { HourlyUsageResponse, UsageDetailsResponse } from './schema';
import { decodeHourlyQuery, encodeHourlyQuery } from './hourly-query';
import { hourBounds, namespaceFilter, rangeOrCurrentPeriod, tenantFacts, type UsageScope } from './scope';

const HOUR = 3_600_000;

async function meteredSkus() {
  const skus = await prisma.sku.findMany({ where: { resourceType: { notIn: ['subscription', 'addon'] } }, select: { id: true, resourceType: true, name: true, nameZh: true, unitName: true, meterKind: true, sortOrder: true } });
  return new Map(skus.map((s) => [s.resourceType, s]));
}

/**
 * F5 ListUsageDetails (op 23): one UsageItem per namespace × app × resource type with usage in
 * `[from, to)` (hours starting in it), from the hourly rollups. Counters: the sum; gauges: the peak.
 * Each carries the signed query that hourly_usage_details takes for its hour-by-hour breakdown.
 */
export async function usageDetails(scope: UsageScope, range: { from?: Date; to?: Date }): Promise<UsageDetailsResponse> {
  const tenant = await tenantFacts(scope.tenantId);
  const { from, to } = await rangeOrCurrentPeriod(scope.tenantId, tenant.billingTimezone, range);
  const [skus, groups, namespaces, apps] = await Promise.all([
    meteredSkus(),
    prisma.usageHourly.groupBy({
      by: ['namespaceId', 'appId', 'resourceType'],
      where: { tenantId: scope.tenantId, ...namespaceFilter(scope), hourStart: hourBounds(from, to) },
      _sum: { quantity: true }, _max: { maxValue: true },
    }),
    prisma.namespace.findMany({ where: { tenantId: scope.tenantId }, select: { id: true, name: true } }),
    prisma.app.findMany({ where: { tenantId: scope.tenantId }, select: { id: true, name: true } }),
  ]);
  const nsName = new Map(namespaces.map((n) => [n.id, n.name]));
  const appName = new Map(apps.map((a) => [a.id, a.name]));
  const items = groups.flatMap((g) => {
    const sku = skus.get(g.resourceType);
    if (!sku) return [];
    const quantity = sku.meterKind === 'gauge' ? money(g._max.maxValue ?? ZERO) : money(g._sum.quantity ?? ZERO);
    const query = encodeHourlyQuery({ tenantId: scope.tenantId, namespaceId: g.namespaceId, appId: g.appId, resourceType: g.resourceType, from, to });
    return [{
      sort: [nsName.get(g.namespaceId) ?? '', String(sku.sortOrder).padStart(6, '0'), sku.resourceType, appName.get(g.appId) ?? ''].join('\u0000'),
      item: {
        usage_type: tenant.locale === 'zh-CN' ? sku.nameZh : sku.name, metric_label: sku.resourceType, namespace: nsName.get(g.namespaceId) ?? '',
        object_name: appName.get(g.appId) ?? '', quantity, unit_name: sku.unitName, start_timestamp: rfc3339(from), end_timestamp: rfc3339(to),
        hourly_breakdown_query: query, hourly_breakdown: [],
      },
    }];
  });
  return { usage_items: items.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0)).map((i) => i.item) };
}

/**
 * F5 ListHourlyUsageDetails (op 21): the UTC hours of the series a usage_details item named.
 * The query must come from this tenant (else 404) and name the path's namespace (or the path is `system`).
 */
export async function hourlyUsageDetails(scope: UsageScope, token: string): Promise<HourlyUsageResponse> {
  const query = decodeHourlyQuery(token, scope.tenantId);
  if (scope.namespace.name !== SYSTEM_NAMESPACE && query.namespaceId !== scope.namespace.id) {
    throw badRequest(`query belongs to another namespace than "${scope.namespace.name}"`, 'NAMESPACE_MISMATCH');
  }
  const sku = (await meteredSkus()).get(query.resourceType);
  if (!sku) throw badRequest('query names an unknown resource type', 'INVALID_QUERY');
  const rows = await prisma.usageHourly.findMany({
    where: { tenantId: scope.tenantId, namespaceId: query.namespaceId, appId: query.appId, resourceType: query.resourceType, hourStart: hourBounds(query.from, query.to) },
    orderBy: { hourStart: 'asc' },
    select: { hourStart: true, quantity: true, maxValue: true },
  });
  return {
    hourly_usage_items: rows.map((r) => ({
      deployment: query.appId, container: sku.id,
      quantity: sku.meterKind === 'gauge' ? money(r.maxValue ?? ZERO) : money(r.quantity), unit_name: sku.unitName,
      start_timestamp: rfc3339(r.hourStart), end_timestamp: rfc3339(new Date(r.hourStart.getTime() + HOUR)),
    })),
  };
}
