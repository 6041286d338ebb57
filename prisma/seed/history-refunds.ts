/**
 * A late event and a usage refund in the demo year, through the product's functions on the
 * simulated clock, so the last three months' bills carry seed 004's other two consume types:
 * - CT_RECONCILIATION: a day after one of the demo tenant's usage periods closed (its invoice
 *   issued), an edge node that was offline ships the bandwidth it had buffered for an hour six hours
 *   before that period's end (`ingestUsageEvents` with its own ingest key). The `usage-price` job
 *   prices the queued hour the next morning: the period is closed, so the difference becomes a
 *   reconciliation line on the current month's bill, billed with the next period's usage invoice.
 *   Only when that next close is still inside the history (the first such close of the last 80 days).
 * - CT_REFUND: just before the history ends, finance refunds (as credit) the demo tenant's latest
 *   paid usage invoice of the last three months: the refund writes CT_REFUND lines, minus exactly
 *   what the invoice billed, on the current month's bill (server/metered-billing/refund-lines.ts).
 *   Late on purpose: the refund's bill is the current, still open month, so the three closed
 *   months before it keep their own coupon and voucher amounts.
 */
import { apiKeyActor } from '../../server/audit/actor';
import { now } from '../../server/clock';
import { refundInvoice } from '../../server/collection/finance';
import { refundInput } from '../../server/collection/schema';
import { prisma } from '../../server/db';
import { ingestUsageEvents } from '../../server/usage/ingest';
import { fromLocal, toLocal } from '../../server/time/zoned';
import { seedApiKey } from './factories';
import type { ScriptedEvent, ScriptedEventContext } from './scripted-event';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Read at import, as history-usage.ts does: the replay runs up to the real now. */
const SEED_END = now();
/** Well inside the last three local months (three whole months before this one are at least 89 days). */
const RECENT_MS = 80 * DAY_MS;
export const LATE_EVENT_ID = 'edge-buffer-bandwidth-1';

function historyStart(): Date {
  const local = toLocal(SEED_END, 'Asia/Shanghai');
  const index = local.year * 12 + local.month - 1 - 12;
  return fromLocal({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1, hour: 9 }, 'Asia/Shanghai');
}

const endDay = Math.floor((SEED_END.getTime() - historyStart().getTime()) / DAY_MS);

/** Once: a day or more after a recent close, when the next close is still ahead inside the history. */
async function lateEventOnce({ tenant, at }: ScriptedEventContext) {
  const tenantId = tenant.tenant.id;
  if (await prisma.usageEvent.count({ where: { tenantId, eventId: LATE_EVENT_ID } })) return null;
  const closed = await prisma.billingRecord.findFirst({ where: { tenantId, type: 'usage' }, orderBy: { periodEnd: 'desc' }, select: { periodEnd: true } });
  const sub = await prisma.subscription.findFirst({ where: { tenantId, endedAt: null }, orderBy: { startedAt: 'desc' }, select: { currentPeriodEnd: true } });
  if (!closed?.periodEnd || !sub) return null;
  const sinceClose = at.getTime() - closed.periodEnd.getTime();
  if (sinceClose < DAY_MS || closed.periodEnd.getTime() < SEED_END.getTime() - RECENT_MS) return null;
  // Priced tomorrow morning, billed at the next close: that close must come before the history ends
  // (the replay's last runDueJobs, at its end, closes a period that ended by then).
  if (sub.currentPeriodEnd.getTime() > SEED_END.getTime() - HOUR_MS) return null;
  const { apiKey } = await seedApiKey(tenant, ['ingest'], 'edge node buffer');
  const actor = apiKeyActor(apiKey.id, tenant.users.owner.id, { ip: '127.0.0.1', userAgent: 'edge-node (seed)', requestId: 'seed-late-event' });
  const result = await ingestUsageEvents({
    tenantId, apiKeyId: apiKey.id,
    events: [{
      event_id: LATE_EVENT_ID, resource_type: 'bandwidth_gb', quantity: '86.4', namespace: tenant.namespaces[1]!.name, app_id: tenant.apps[1]!.id,
      timestamp: new Date(closed.periodEnd.getTime() - 6 * HOUR_MS).toISOString(),
    }],
  }, actor);
  if (result.rejected > 0) throw new Error(`ingest rejected the late event: ${JSON.stringify(result.results[0])}`);
  return result;
}

/** The latest paid usage invoice of the last three months, refunded as credit (once). */
async function refundUsageInvoiceOnce({ tenant, financeActor }: ScriptedEventContext) {
  const tenantId = tenant.tenant.id;
  if (await prisma.billingRecord.count({ where: { tenantId, type: 'usage', status: 'refunded' } })) return null;
  const invoice = await prisma.billingRecord.findFirst({
    where: { tenantId, type: 'usage', status: 'paid', periodEnd: { gte: new Date(SEED_END.getTime() - RECENT_MS) } },
    orderBy: { periodEnd: 'desc' }, select: { id: true },
  });
  if (!invoice) {
    console.warn('[seed] tnt_demo has no paid usage invoice of the last three months: no refund');
    return null;
  }
  return refundInvoice(refundInput.parse({ tenantId, invoiceId: invoice.id, to: 'credit', reason: 'Bandwidth billed twice during the CDN migration; refunded as credit' }), financeActor);
}

/** Two minutes before the replay ends (the last usage batch is one minute before it): on the current month's bill. */
const lastHour = (SEED_END.getTime() - (historyStart().getTime() + endDay * DAY_MS)) / HOUR_MS - 2 / 60;

export const REFUND_EVENTS: ScriptedEvent[] = [
  // Daily over the last 80 days, acting once (see lateEventOnce).
  ...Array.from({ length: 80 }, (_, i): ScriptedEvent => ({
    tenant: 'tnt_demo', day: endDay - 80 + i, hour: 4, label: 'an edge node ships bandwidth it buffered before the last close', run: lateEventOnce,
  })),
  lastHour > 0
    ? { tenant: 'tnt_demo', day: endDay, hour: lastHour, label: 'finance refunds a usage invoice as credit', run: refundUsageInvoiceOnce }
    : { tenant: 'tnt_demo', day: endDay - 1, hour: 23.8, label: 'finance refunds a usage invoice as credit', run: refundUsageInvoiceOnce },
];
