import { prisma } from '../db';
import { toDecimalString, ZERO } from '../money';
import { SYSTEM_NAMESPACE } from '../tenants/namespaces';
import { pricedUsageBySku } from './current-usage';
import { rangeOrCurrentPeriod, tenantFacts } from './scope';
import type { UsageCost } from './schema';

/** The tenant's priced usage for a range (default: the current billing period), for the portal. */
export async function readUsageCost(tenantId: string, range: { from?: string; to?: string }, locale: string): Promise<UsageCost> {
  const tenant = await tenantFacts(tenantId);
  const { from, to } = await rangeOrCurrentPeriod(tenantId, tenant.billingTimezone, { from: range.from ? new Date(range.from) : undefined, to: range.to ? new Date(range.to) : undefined });
  const system = await prisma.namespace.findUniqueOrThrow({ where: { tenantId_name: { tenantId, name: SYSTEM_NAMESPACE } }, select: { id: true, name: true } });
  const usage = await pricedUsageBySku({ tenantId, namespace: system }, from, to, locale);
  return {
    from, to, currency: tenant.currency,
    items: usage.map((u) => ({
      resourceType: u.resourceType, name: u.name, unitName: u.unitName, fixed: u.fixed, quantity: toDecimalString(u.quantity),
      originalAmount: toDecimalString(u.originalAmount), discountAmount: toDecimalString(u.discountAmount), amount: toDecimalString(u.amount),
    })),
    total: toDecimalString(usage.reduce((acc, u) => acc.plus(u.amount), ZERO)),
    discount: toDecimalString(usage.reduce((acc, u) => acc.plus(u.discountAmount), ZERO)),
  };
}
