import type { Tx } from '../db';
import { prisma } from '../db';
import { Decimal } from '../money';
import { SYSTEM_NAMESPACE } from '../tenants/namespaces';

type Db = Tx | typeof prisma;

/**
 * What a percent threshold is a percent of: the matching quota's limit where one exists (an
 * enabled quota in the tenant-wide `system` namespace for this resource type; for an app-scoped
 * alert the app's own quota first, then the tenant-wide one; the tightest limit when several
 * match), else the included units of the current plan. null when there is neither.
 */
export async function alertBase(db: Db, tenantId: string, alert: { appId: string | null; resourceType: string }): Promise<Decimal | null> {
  const limits = await db.quotaResourceLimit.findMany({
    where: {
      tenantId, resourceType: alert.resourceType,
      quota: { disabled: false, namespace: { name: SYSTEM_NAMESPACE }, OR: [{ appId: null }, ...(alert.appId ? [{ appId: alert.appId }] : [])] },
    },
    select: { maximum: true, quota: { select: { appId: true } } },
  });
  const ownApp = limits.filter((l) => l.quota.appId !== null);
  const chosen = ownApp.length > 0 ? ownApp : limits;
  if (chosen.length > 0) return Decimal.min(...chosen.map((l) => new Decimal(l.maximum.toFixed())));
  const sub = await db.subscription.findFirst({ where: { tenantId, endedAt: null }, orderBy: { startedAt: 'desc' }, select: { planCode: true } });
  if (!sub) return null;
  const entitlement = await db.planEntitlement.findUnique({
    where: { planCode_resourceType: { planCode: sub.planCode, resourceType: alert.resourceType } },
    select: { includedUnits: true },
  });
  const included = entitlement ? new Decimal(entitlement.includedUnits.toFixed()) : null;
  return included && included.gt(0) ? included : null;
}
