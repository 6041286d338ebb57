import { prisma } from '../db';
import { now } from '../clock';
import { notFound } from '../errors';
import { getCreditBalance } from '../credits/ledger';
import { toDecimalString } from '../money';
import type { StaffTenantDetail, StaffTenantInput, StaffTenantInvoices, StaffTenantInvoicesInput } from './tenant-detail-schema';

const USAGE_DAYS = 30;

/** One tenant as the staff console shows it: subscription, credit, members, recent usage. Read-only. */
export async function getTenantForStaff(input: StaffTenantInput): Promise<StaffTenantDetail> {
  const tenant = await prisma.tenant.findUnique({
    where: { id: input.tenantId },
    select: { id: true, name: true, currency: true, locale: true, billingTimezone: true, status: true, createdAt: true },
  });
  if (!tenant) throw notFound('tenant', 'TENANT_NOT_FOUND');
  const tenantId = tenant.id;
  const since = new Date(now().getTime() - USAGE_DAYS * 86_400_000);
  const [subscription, credit, members, usage, metered] = await Promise.all([
    prisma.subscription.findFirst({
      where: { tenantId, endedAt: null },
      orderBy: { startedAt: 'desc' },
      select: { status: true, billingCycle: true, currentPeriodStart: true, currentPeriodEnd: true, plan: { select: { code: true, name: true, nameZh: true } } },
    }),
    getCreditBalance(tenantId),
    prisma.membership.findMany({
      where: { tenantId },
      orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
      select: { role: true, user: { select: { id: true, email: true, name: true, lastLoginAt: true } } },
    }),
    prisma.usageDaily.groupBy({
      by: ['resourceType'],
      where: { tenantId, day: { gte: since } },
      _sum: { quantity: true },
      _count: { day: true },
      orderBy: { resourceType: 'asc' },
    }),
    prisma.meteredBillingItem.findMany({
      where: { tenantId, status: 'open' },
      orderBy: [{ periodStart: 'desc' }, { resourceType: 'asc' }],
      take: 20,
      select: { resourceType: true, periodStart: true, periodEnd: true, totalUsage: true, overageAmount: true, currency: true },
    }),
  ]);
  return {
    tenant,
    subscription: subscription && {
      planCode: subscription.plan.code, planName: subscription.plan.name, planNameZh: subscription.plan.nameZh, status: subscription.status,
      billingCycle: subscription.billingCycle, currentPeriodStart: subscription.currentPeriodStart, currentPeriodEnd: subscription.currentPeriodEnd,
    },
    credit: { balance: toDecimalString(credit.balance), currency: credit.currency },
    members: members.map(({ role, user }) => ({ userId: user.id, email: user.email, name: user.name, role, lastLoginAt: user.lastLoginAt })),
    usage: usage.map((row) => ({ resourceType: row.resourceType, quantity: toDecimalString(row._sum.quantity ?? 0), days: row._count.day })),
    metered: metered.map((row) => ({ ...row, totalUsage: toDecimalString(row.totalUsage), overageAmount: toDecimalString(row.overageAmount) })),
  };
}

/** A tenant's invoices, newest first, one page at a time. */
export async function listTenantInvoicesForStaff(input: StaffTenantInvoicesInput): Promise<StaffTenantInvoices> {
  const where = { tenantId: input.tenantId };
  const [rows, total] = await Promise.all([
    prisma.billingRecord.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, invoiceNumber: true, type: true, status: true, description: true, amount: true, refundedAmount: true, currency: true, createdAt: true },
    }),
    prisma.billingRecord.count({ where }),
  ]);
  return { total, page: input.page, pageSize: input.pageSize, items: rows.map((row) => ({ ...row, amount: toDecimalString(row.amount), refundedAmount: toDecimalString(row.refundedAmount) })) };
}
