import type { Tx } from '../transaction';
import { newId } from '../ids';
import { now } from '../clock';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { loadPeriodResolver, localMonthBounds, type PricingPeriod } from './periods';
import { loadClosedPeriods, loadEntitlements } from './context';
import { applyVouchers } from './apply-vouchers';
import { lockResourceTypes } from './lock';

/**
 * Makes a pricing period's usage lines final: its consumption lines stop being provisional and the
 * period is marked closed (subscription period: every metered-billing item leaves `open`, one per
 * resource type with included units or usage; no subscription: that month's bills get closedAt).
 * From then on a late event in the period becomes a reconciliation line. On the first close the
 * tenant's vouchers are spent on the now-final lines (applyVouchers). Idempotent: closing a closed
 * period changes nothing. The period-close job (invoicing) calls this first.
 */
export async function closeUsagePeriod(tx: Tx, input: { tenantId: string; hourInPeriod: Date }, actor: Actor): Promise<{ period: PricingPeriod; finalized: number }> {
  const { tenantId } = input;
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true, billingTimezone: true } });
  const resolver = await loadPeriodResolver(tx, tenantId, tenant.billingTimezone, input.hourInPeriod, input.hourInPeriod);
  const period = resolver.periodFor(input.hourInPeriod);
  const usedTypes = await tx.chargeLine.findMany({
    where: { tenantId, consumeType: 'consumption', hourStart: { gte: period.start, lt: period.end } },
    distinct: ['resourceType'], select: { resourceType: true },
  });
  const entitled = period.planCode ? await tx.planEntitlement.findMany({ where: { planCode: period.planCode }, select: { resourceType: true } }) : [];
  const resourceTypes = [...new Set([...usedTypes, ...entitled].map((u) => u.resourceType))].sort();
  // Serialise with pricing of every resource type involved (same lock keys as priceUsageHours).
  await lockResourceTypes(tx, tenantId, resourceTypes);
  const billMonthOf = (p: PricingPeriod) => localMonthBounds(p.start, tenant.billingTimezone).billMonth;
  const closedBefore = (await loadClosedPeriods(tx, tenantId, [period], billMonthOf)).has(period.key);
  const finalized = await tx.chargeLine.updateMany({
    where: { tenantId, consumeType: 'consumption', provisional: true, hourStart: { gte: period.start, lt: period.end } },
    data: { provisional: false },
  });
  if (period.subscriptionId) await closeItems(tx, tenantId, period, resourceTypes, tenant.currency);
  else await tx.bill.updateMany({ where: { tenantId, billMonth: billMonthOf(period), closedAt: null }, data: { closedAt: now() } });
  if (!closedBefore) await applyVouchers(tx, tenantId, period, tenant.currency, actor);
  if (finalized.count > 0 || period.subscriptionId) {
    await recordAudit(tx, actor, { tenantId, action: 'usage_period.close', targetType: 'subscription', targetId: period.subscriptionId, after: { period: period.key, finalizedLines: finalized.count } });
  }
  return { period, finalized: finalized.count };
}

async function closeItems(tx: Tx, tenantId: string, period: PricingPeriod, resourceTypes: string[], currency: string): Promise<void> {
  const entitlements = await loadEntitlements(tx, tenantId, [period], resourceTypes);
  const existing = await tx.meteredBillingItem.findMany({ where: { tenantId, subscriptionId: period.subscriptionId!, periodStart: period.start }, select: { resourceType: true } });
  const have = new Set(existing.map((e) => e.resourceType));
  const at = now();
  const missing = resourceTypes.filter((rt) => !have.has(rt));
  if (missing.length) {
    await tx.meteredBillingItem.createMany({
      data: missing.map((resourceType) => ({
        tenantId, id: newId('mbi'), subscriptionId: period.subscriptionId!, resourceType, periodStart: period.start, periodEnd: period.end,
        includedUnits: entitlements(period, resourceType).includedUnits.toFixed(), currency, status: 'closed' as const, createdAt: at,
      })),
      skipDuplicates: true,
    });
  }
  await tx.meteredBillingItem.updateMany({ where: { tenantId, subscriptionId: period.subscriptionId!, periodStart: period.start, status: 'open' }, data: { status: 'closed' } });
}
