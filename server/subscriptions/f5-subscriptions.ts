import { createHash } from 'node:crypto';
import { prisma } from '../db';
import { rfc3339 } from '../time/rfc3339';
import { startOfLocalDay } from '../time/zoned';
import type { ListSubscriptionsQuery, ListSubscriptionsResponse } from './f5-schema';

type Period = ListSubscriptionsResponse['subscriptions'][number]['previous_billing_periods'][number];

/** A stable UUID for one period of one subscription (name-based, RFC 4122 version 5 layout). */
function periodUid(subscriptionId: string, start: Date): string {
  const hash = createHash('sha1').update(`counterfoil:period:${subscriptionId}:${start.toISOString()}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const invoiceLink = (invoiceNumber: string) => `/api/web/namespaces/system/usage/invoice_pdf?name=${encodeURIComponent(invoiceNumber)}`;

/**
 * F5 ListSubscriptions for one tenant: its subscriptions, newest first (`current`: only the live
 * one). Past periods come from the subscription invoices (one per period) and the trial, if any.
 */
export async function listF5Subscriptions(tenantId: string, query: ListSubscriptionsQuery): Promise<ListSubscriptionsResponse> {
  const [tenant, subs] = await Promise.all([
    prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { locale: true, billingTimezone: true } }),
    prisma.subscription.findMany({
      where: { tenantId, ...(query.current ? { endedAt: null } : {}) },
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      include: { plan: { select: { code: true, name: true, nameZh: true } } },
    }),
  ]);
  const records = await prisma.billingRecord.findMany({
    where: { tenantId, type: 'subscription', subscriptionId: { in: subs.map((s) => s.id) }, periodStart: { not: null } },
    orderBy: [{ periodStart: 'asc' }, { createdAt: 'asc' }],
    select: { subscriptionId: true, invoiceNumber: true, status: true, periodStart: true, periodEnd: true },
  });
  return {
    subscriptions: subs.map((sub) => {
      const periods = new Map<number, Period>();
      const period = (start: Date, end: Date, trial: boolean) => {
        const found = periods.get(start.getTime());
        if (found) return found;
        const created: Period = {
          uid: periodUid(sub.id, start), start_date: rfc3339(start), end_date: rfc3339(end), internal_start_date: rfc3339(start), internal_end_date: rfc3339(end),
          trial, invoices: [], pending_invoice: [], closed_invoice: [],
        };
        periods.set(start.getTime(), created);
        return created;
      };
      // The trial ran from the start day's local midnight to its end; it has no invoice.
      if (sub.trialEndDate) period(startOfLocalDay(sub.startedAt, tenant.billingTimezone), sub.trialEndDate, true);
      for (const record of records.filter((r) => r.subscriptionId === sub.id && r.invoiceNumber)) {
        const p = period(record.periodStart!, record.periodEnd ?? record.periodStart!, false);
        const link = invoiceLink(record.invoiceNumber!);
        p.invoices.push(link);
        if (record.status === 'open' || record.status === 'draft') p.pending_invoice.push(link);
        else p.closed_invoice.push(link);
      }
      const current = sub.currentPeriodStart.getTime();
      const cancelled = sub.cancelAtPeriodEnd || sub.status === 'canceled';
      const cancellation = sub.canceledAt ?? (sub.status === 'canceled' ? sub.endedAt : null);
      return {
        name: sub.id,
        plan_name: tenant.locale === 'zh-CN' ? sub.plan.nameZh : sub.plan.name,
        plan_object_name: sub.plan.code,
        current: sub.endedAt === null,
        cancelled,
        ...(cancelled && cancellation ? { cancellation_date: rfc3339(cancellation) } : {}),
        start_date: rfc3339(sub.startedAt),
        last_billing_period_start_date: rfc3339(sub.currentPeriodStart),
        last_billing_period_end_date: rfc3339(sub.currentPeriodEnd),
        previous_billing_periods: [...periods.values()].filter((p) => Date.parse(p.start_date) < current || (sub.endedAt !== null && Date.parse(p.start_date) === current)),
      };
    }),
  };
}

