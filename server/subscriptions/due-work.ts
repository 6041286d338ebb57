import { prisma } from '../db';
import { PERIOD_END_STATUSES, UNPAID_INVOICE_STATUSES, UNPAID_STATUSES, graceEnd } from './lifecycle';

const inTenants = (tenantIds?: readonly string[]) => (tenantIds ? { tenantId: { in: [...tenantIds] } } : {});

export type DuePeriodEnd = { tenantId: string; subscriptionId: string; periodEnd: Date };
export type DuePastDueReview = { tenantId: string; subscriptionId: string; reason: string };

/** Live subscriptions whose current period ended by `at`: the renewal job's subjects, one per period. */
export async function findDuePeriodEnds(at: Date, tenantIds?: readonly string[], limit = 500): Promise<DuePeriodEnd[]> {
  const rows = await prisma.subscription.findMany({
    where: { status: { in: [...PERIOD_END_STATUSES] }, currentPeriodEnd: { lte: at }, endedAt: null, ...inTenants(tenantIds) },
    select: { tenantId: true, id: true, currentPeriodEnd: true },
    orderBy: { currentPeriodEnd: 'asc' },
    take: limit,
  });
  return rows.map((r) => ({ tenantId: r.tenantId, subscriptionId: r.id, periodEnd: r.currentPeriodEnd }));
}

/**
 * past_due / suspended subscriptions the grace job should look at: a past_due one whose grace ended
 * by `at` (reason `grace:<end>`), and any whose tenant has credit to settle with (reason
 * `credit:<ledger seq>`, so each change of the balance is looked at once).
 */
export async function findDuePastDueReviews(at: Date, tenantIds?: readonly string[], limit = 500): Promise<DuePastDueReview[]> {
  const subs = await prisma.subscription.findMany({
    where: { status: { in: [...UNPAID_STATUSES] }, endedAt: null, ...inTenants(tenantIds) },
    select: { tenantId: true, id: true, status: true, gracePeriodDays: true, tenant: { select: { billingTimezone: true } } },
    take: limit,
  });
  const due: DuePastDueReview[] = [];
  for (const sub of subs) {
    const [oldest, ledger] = await Promise.all([
      prisma.billingRecord.findFirst({
        where: { tenantId: sub.tenantId, subscriptionId: sub.id, type: 'subscription', status: { in: [...UNPAID_INVOICE_STATUSES] } },
        orderBy: [{ periodStart: 'asc' }, { createdAt: 'asc' }], select: { periodStart: true, createdAt: true },
      }),
      prisma.creditTransaction.findFirst({ where: { tenantId: sub.tenantId }, orderBy: { seq: 'desc' }, select: { seq: true, balance: true } }),
    ]);
    const subject = { tenantId: sub.tenantId, subscriptionId: sub.id };
    const ends = graceEnd(oldest ?? undefined, sub.gracePeriodDays, sub.tenant.billingTimezone);
    if (!oldest) due.push({ ...subject, reason: 'paid' });
    else if (ledger && ledger.balance.gt(0)) due.push({ ...subject, reason: `credit:${ledger.seq}` });
    else if (sub.status === 'past_due' && ends && ends <= at) due.push({ ...subject, reason: `grace:${ends.toISOString()}` });
  }
  return due;
}
