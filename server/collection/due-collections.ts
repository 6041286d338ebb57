import { prisma } from '../db';
import { Prisma } from '../generated/prisma/client';
import { DEFAULT_GRACE_DAYS, dueStep } from './dunning';
import { collectableMethods } from './methods';

export type DueCollection = { tenantId: string; invoiceId: string; step: number };

/**
 * Open, finalized invoices with something owed after credit, of tenants with a primary or secondary
 * method to charge, whose latest due dunning step has not run yet (no attempt at that step) or was
 * cut short (an attempt still pending). The sweep enqueues one job per (invoice, step).
 */
export async function findDueCollections(at: Date, tenantIds?: readonly string[], limit = 500): Promise<DueCollection[]> {
  const inTenants = tenantIds ? Prisma.sql`AND r.tenant_id = ANY(${[...tenantIds]}::text[])` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ tenant_id: string; id: string; finalized_at: Date; grace_days: number | null }[]>`
    SELECT r.tenant_id, r.id, r.finalized_at, s.grace_period_days AS grace_days
    FROM billing_records r
    LEFT JOIN subscriptions s ON s.tenant_id = r.tenant_id AND s.id = r.subscription_id
    WHERE r.status = 'open' AND r.finalized_at IS NOT NULL AND r.finalized_at <= ${at} AND r.amount > r.credit_applied_amount ${inTenants}
      AND EXISTS (SELECT 1 FROM payment_methods m WHERE m.tenant_id = r.tenant_id AND m.status = 'active' AND m.role IN ('primary', 'secondary') AND m.kind <> 'bank')
    ORDER BY r.finalized_at
    LIMIT ${limit}`;
  const due: DueCollection[] = [];
  // The SQL's EXISTS is a coarse filter; the payment-methods domain has the last word (an expired card is not chargeable).
  const chargeable = new Map<string, boolean>();
  for (const row of rows) {
    if (!chargeable.has(row.tenant_id)) chargeable.set(row.tenant_id, (await collectableMethods(row.tenant_id)).length > 0);
    if (!chargeable.get(row.tenant_id)) continue;
    const step = dueStep(row.finalized_at, row.grace_days ?? DEFAULT_GRACE_DAYS, at);
    if (step === null) continue;
    const attempts = await prisma.paymentAttempt.findMany({ where: { tenantId: row.tenant_id, billingRecordId: row.id, kind: 'charge', step }, select: { status: true } });
    if (attempts.length === 0 || attempts.some((a) => a.status === 'pending')) due.push({ tenantId: row.tenant_id, invoiceId: row.id, step });
  }
  return due;
}
