import { prisma } from '../db';
import type { TenantDirectory, TenantDirectoryInput } from './schema';

/**
 * Prisma's `contains` becomes `ILIKE '%…%'` without escaping the pattern characters: a search
 * for `%` or `_` would match everything. PostgreSQL's default LIKE escape is the backslash.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The staff console's first page: every tenant, newest first, searchable (as literal text) by id,
 * name, a member's email or an invoice number.
 */
export async function listTenantsForStaff(input: TenantDirectoryInput): Promise<TenantDirectory> {
  const contains = { contains: likeLiteral(input.search), mode: 'insensitive' as const };
  const where = input.search
    ? {
      OR: [
        { id: contains },
        { name: contains },
        { memberships: { some: { user: { email: contains } } } },
        { billingRecords: { some: { invoiceNumber: contains } } },
      ],
    }
    : {};
  const [rows, total] = await Promise.all([
    prisma.tenant.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true, name: true, currency: true, locale: true, status: true, createdAt: true,
        subscriptions: { where: { endedAt: null }, select: { planCode: true, status: true }, take: 1 },
        _count: { select: { memberships: true } },
      },
    }),
    prisma.tenant.count({ where }),
  ]);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    tenants: rows.map(({ subscriptions, _count, ...tenant }) => ({
      ...tenant, planCode: subscriptions[0]?.planCode ?? null, subscriptionStatus: subscriptions[0]?.status ?? null, members: _count.memberships,
    })),
  };
}
