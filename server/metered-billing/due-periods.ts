import { prisma } from '../db';
import type { UsagePeriodSubject } from './invoice-usage-period';

/**
 * Subscription periods whose usage is due to be invoiced at `at`: a metered-billing item of the
 * period exists (the period had usage or included units priced) and has not been invoiced, and the
 * period ended by `at`. One subject per tenant × subscription × period.
 */
export async function findDueUsagePeriods(at: Date, tenantIds?: readonly string[], limit = 500): Promise<UsagePeriodSubject[]> {
  const rows = await prisma.meteredBillingItem.findMany({
    where: { status: { in: ['open', 'closed'] }, periodEnd: { lte: at }, ...(tenantIds ? { tenantId: { in: [...tenantIds] } } : {}) },
    distinct: ['tenantId', 'subscriptionId', 'periodStart'],
    orderBy: [{ tenantId: 'asc' }, { subscriptionId: 'asc' }, { periodStart: 'asc' }],
    select: { tenantId: true, subscriptionId: true, periodStart: true },
    take: limit,
  });
  return rows;
}
