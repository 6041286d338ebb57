/**
 * F5 `quota/limits` and `quota/usage` (ops 12–13): a namespace's effective limits, and the same
 * with this period's usage. Limits come from the namespace's enabled quota objects (the tightest
 * one when several name the same key; an app-scoped quota is keyed `<resource_type>.<app_id>`); in
 * `system` the current plan's default quota fills the keys no quota object names.
 */
import { prisma } from '../db';
import { now } from '../clock';
import { Decimal } from '../money';
import { findNamespace } from '../tenants/namespaces';
import { notFound } from '../errors';
import { SYSTEM_NAMESPACE } from '../tenants/namespaces';
import { currentUsagePeriod, meterKindOf, namespaceFilter, periodUsage } from './period-usage';
import type { QuotaLimitsResponse, QuotaUsageResponse } from './schema';

type RateLimit = { rate?: number; burst?: number; unit?: string };
type Limit = { key: string; maximum: number; source: string; resourceType?: string; appId?: string | null };
type Effective = { resources: Limit[]; objects: Limit[]; apis: { key: string; limit: RateLimit; source: string }[] };

/** Keeps the tightest limit per key. */
function tightest(limits: Limit[]): Limit[] {
  const byKey = new Map<string, Limit>();
  for (const limit of limits) {
    const seen = byKey.get(limit.key);
    if (!seen || limit.maximum < seen.maximum) byKey.set(limit.key, limit);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

async function effectiveLimits(tenantId: string, namespace: { id: string; name: string }): Promise<Effective> {
  const quotas = await prisma.quota.findMany({ where: { tenantId, namespaceId: namespace.id, disabled: false }, orderBy: { name: 'asc' } });
  const resources: Limit[] = [];
  const objects: Limit[] = [];
  const apis = new Map<string, { key: string; limit: RateLimit; source: string }>();
  for (const quota of quotas) {
    const source = `quota "${quota.name}" (${quota.enforcement})`;
    for (const [type, value] of Object.entries((quota.resourceLimits ?? {}) as Record<string, { maximum: number }>)) {
      resources.push({ key: quota.appId ? `${type}.${quota.appId}` : type, maximum: value.maximum, source, resourceType: type, appId: quota.appId });
    }
    for (const [kind, value] of Object.entries((quota.objectLimits ?? {}) as Record<string, { maximum: number }>)) objects.push({ key: kind, maximum: value.maximum, source });
    for (const [rpc, value] of Object.entries((quota.apiLimits ?? {}) as Record<string, RateLimit>)) if (!apis.has(rpc)) apis.set(rpc, { key: rpc, limit: value, source });
  }
  if (namespace.name === SYSTEM_NAMESPACE) await addPlanDefaults(tenantId, resources, objects, apis);
  return { resources: tightest(resources), objects: tightest(objects), apis: [...apis.values()].sort((a, b) => a.key.localeCompare(b.key)) };
}

async function addPlanDefaults(tenantId: string, resources: Limit[], objects: Limit[], apis: Map<string, { key: string; limit: RateLimit; source: string }>) {
  const sub = await prisma.subscription.findFirst({
    where: { tenantId, endedAt: null }, orderBy: { startedAt: 'desc' },
    select: { plan: { select: { code: true, objectLimits: true, apiLimits: true, entitlements: { select: { resourceType: true, quotaLimit: true } } } } },
  });
  if (!sub) return;
  const source = `plan "${sub.plan.code}" default quota`;
  const named = (list: Limit[], key: string) => list.some((limit) => limit.key === key);
  for (const entitlement of sub.plan.entitlements) {
    if (entitlement.quotaLimit !== null && !named(resources, entitlement.resourceType)) {
      resources.push({ key: entitlement.resourceType, maximum: Number(entitlement.quotaLimit.toFixed()), source, resourceType: entitlement.resourceType, appId: null });
    }
  }
  for (const [kind, value] of Object.entries((sub.plan.objectLimits ?? {}) as Record<string, { maximum: number }>)) if (!named(objects, kind)) objects.push({ key: kind, maximum: value.maximum, source });
  for (const [rpc, value] of Object.entries((sub.plan.apiLimits ?? {}) as Record<string, RateLimit>)) if (!apis.has(rpc)) apis.set(rpc, { key: rpc, limit: value, source });
}

async function resolve(tenantId: string, namespaceName: string) {
  const namespace = await findNamespace(tenantId, namespaceName);
  if (!namespace) throw notFound(`namespace "${namespaceName}"`, 'NAMESPACE_NOT_FOUND');
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { locale: true } });
  const skus = await prisma.sku.findMany({ select: { resourceType: true, name: true, nameZh: true } });
  const displayName = (type: string) => {
    const sku = skus.find((s) => s.resourceType === type);
    return sku ? (tenant.locale === 'zh-CN' ? sku.nameZh : sku.name) : type;
  };
  return { namespace, effective: await effectiveLimits(tenantId, namespace), displayName };
}

export async function quotaLimits(tenantId: string, namespaceName: string): Promise<QuotaLimitsResponse> {
  const { effective, displayName } = await resolve(tenantId, namespaceName);
  const resources = Object.fromEntries(effective.resources.map((l) => [l.key, { display_name: displayName(l.resourceType!), description: l.source, limit: { maximum: l.maximum } }]));
  const objects = Object.fromEntries(effective.objects.map((l) => [l.key, { display_name: l.key, description: l.source, limit: { maximum: l.maximum } }]));
  const apis = Object.fromEntries(effective.apis.map((a) => [a.key, { display_name: a.key, description: a.source, api_limit: a.limit }]));
  return { objects, resources, apis, api_limits: Object.fromEntries(effective.apis.map((a) => [a.key, a.limit])), quota_usage: objects, float_quota_usage: resources };
}

/** How many of each object kind the tenant has now. */
async function objectCounts(tenantId: string): Promise<Record<string, number>> {
  const [apiKeys, apps, namespaces] = await Promise.all([
    prisma.apiKey.count({ where: { tenantId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now() } }] } }),
    prisma.app.count({ where: { tenantId, status: 'active' } }),
    prisma.namespace.count({ where: { tenantId } }),
  ]);
  return { api_keys: apiKeys, apps, namespaces };
}

export async function quotaUsage(tenantId: string, namespaceName: string): Promise<QuotaUsageResponse> {
  const { namespace, effective, displayName } = await resolve(tenantId, namespaceName);
  const period = await currentUsagePeriod(prisma, tenantId, now());
  const resources: QuotaUsageResponse['resources'] = {};
  for (const limit of effective.resources) {
    const scope = { tenantId, resourceType: limit.resourceType!, namespaceId: namespaceFilter(namespace), appId: limit.appId ?? null };
    const current = await periodUsage(prisma, scope, period, await meterKindOf(prisma, limit.resourceType!));
    resources[limit.key] = { display_name: displayName(limit.resourceType!), description: limit.source, limit: { maximum: limit.maximum }, usage: { current } };
  }
  const counts = await objectCounts(tenantId);
  const quotaUsageMap: QuotaUsageResponse['quota_usage'] = {};
  const objects: QuotaUsageResponse['objects'] = {};
  for (const limit of effective.objects) {
    const current = counts[limit.key] ?? 0;
    quotaUsageMap[limit.key] = { display_name: limit.key, description: limit.source, limit: { maximum: limit.maximum }, usage: { current } };
    objects[limit.key] = { display_name: limit.key, description: limit.source, limit: { maximum: limit.maximum }, usage: { current: new Decimal(current) } };
  }
  const apis = Object.fromEntries(effective.apis.map((a) => [a.key, { display_name: a.key, description: a.source, api_limit: a.limit }]));
  return { objects, resources, apis, api_limits: Object.fromEntries(effective.apis.map((a) => [a.key, a.limit])), quota_usage: quotaUsageMap, float_quota_usage: resources };
}
