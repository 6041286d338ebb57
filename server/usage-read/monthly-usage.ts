import { prisma } from '../db';
import { now } from '../clock';
import { minorUnits, money, roundToMinor, toDecimalString, toMinorUnitsString, ZERO } from '../money';
import { rfc3339 } from '../time/rfc3339';
import { addLocalMonths } from '../time/zoned';
import { localMonthBounds } from '../usage-pricing/periods';
import type { MonthlyUsageResponse, UsageSummaryResponse } from './schema';
import { namespaceFilter, tenantFacts, type UsageScope } from './scope';
import { pricedUsageBySku } from './current-usage';

export const MONTHS_SHOWN = 12;

/**
 * F5 ListMonthlyUsage (op 22): the last 12 months in the tenant's timezone (this one included),
 * oldest first, each the sum of the charge lines on that month's bills — so a reconciliation line
 * counts in the month it is billed — in the scope's namespace. A month without usage is 0.
 */
export async function monthlyUsage(scope: UsageScope): Promise<MonthlyUsageResponse> {
  const tenant = await tenantFacts(scope.tenantId);
  const current = localMonthBounds(now(), tenant.billingTimezone);
  const months = Array.from({ length: MONTHS_SHOWN }, (_, i) => localMonthBounds(addLocalMonths(current.start, tenant.billingTimezone, i - (MONTHS_SHOWN - 1), 1), tenant.billingTimezone));
  const bills = await prisma.bill.findMany({ where: { tenantId: scope.tenantId, billMonth: { in: months.map((m) => m.billMonth) } }, select: { id: true, billMonth: true } });
  const sums = bills.length === 0 ? [] : await prisma.chargeLine.groupBy({
    // Refund lines give an earlier invoice's money back: no usage of the month they sit in.
    by: ['billId'], where: { tenantId: scope.tenantId, billId: { in: bills.map((b) => b.id) }, ...namespaceFilter(scope), consumeType: { not: 'refund' } }, _sum: { amount: true },
  });
  const monthOfBill = new Map(bills.map((b) => [b.id, b.billMonth]));
  const byMonth = new Map<string, ReturnType<typeof money>>();
  for (const s of sums) {
    const month = monthOfBill.get(s.billId)!;
    byMonth.set(month, (byMonth.get(month) ?? ZERO).plus(money(s._sum.amount ?? ZERO)));
  }
  return {
    monthly_usage_items: months.map((m) => ({
      amount: toMinorUnitsString(byMonth.get(m.billMonth) ?? ZERO, tenant.currency), currency_code: tenant.currency,
      start_timestamp: rfc3339(m.start), end_timestamp: rfc3339(m.end),
    })),
  };
}

/** Our usage_summary (WIRE.md): priced usage of `[from, to)` for the whole tenant, exact decimal strings. */
export async function usageSummary(tenantId: string, range: { from: Date; to: Date }): Promise<UsageSummaryResponse> {
  const tenant = await tenantFacts(tenantId);
  const system = await prisma.namespace.findUniqueOrThrow({ where: { tenantId_name: { tenantId, name: 'system' } }, select: { id: true, name: true } });
  const usage = await pricedUsageBySku({ tenantId, namespace: system }, range.from, range.to, tenant.locale);
  const fixed = (value: ReturnType<typeof money>) => roundToMinor(value, tenant.currency).toFixed(minorUnits(tenant.currency));
  return {
    items: usage.map((u) => ({ resource_type: u.resourceType, quantity: toDecimalString(u.quantity), unit_name: u.unitName, amount: fixed(u.amount), currency_code: tenant.currency })),
    total_cost: fixed(usage.reduce((acc, u) => acc.plus(u.amount), ZERO)),
    currency_code: tenant.currency,
    from: rfc3339(range.from),
    to: rfc3339(range.to),
  };
}
