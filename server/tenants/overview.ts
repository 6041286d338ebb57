import { prisma } from '../db';
import { getCreditBalance } from '../credits/ledger';
import { toDecimalString } from '../money';
import type { TenantScope } from './tenant-access';
import type { TenantOverview } from './schema';

/** What a person sees first: plan, subscription period, credit balance and the latest invoices. */
export async function getTenantOverview(scope: TenantScope): Promise<TenantOverview> {
  const { tenantId } = scope;
  const [subscription, credit, latestRecords, recordCount] = await Promise.all([
    prisma.subscription.findFirst({
      where: { tenantId, endedAt: null },
      orderBy: { startedAt: 'desc' },
      select: {
        id: true, status: true, billingCycle: true, amount: true, currency: true, currentPeriodStart: true, currentPeriodEnd: true,
        trialEndDate: true, cancelAtPeriodEnd: true, autoRenew: true, plan: { select: { code: true, name: true, nameZh: true } },
      },
    }),
    getCreditBalance(tenantId),
    prisma.billingRecord.findMany({
      where: { tenantId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 5,
      select: { id: true, invoiceNumber: true, type: true, status: true, description: true, amount: true, currency: true, createdAt: true },
    }),
    prisma.billingRecord.count({ where: { tenantId } }),
  ]);
  return {
    tenant: { ...scope.tenant, role: scope.role },
    subscription: subscription && {
      ...subscription,
      amount: toDecimalString(subscription.amount),
      plan: subscription.plan,
    },
    credit: { balance: toDecimalString(credit.balance), currency: credit.currency, updatedAt: credit.updatedAt },
    latestRecords: latestRecords.map((record) => ({ ...record, amount: toDecimalString(record.amount) })),
    recordCount,
  };
}
