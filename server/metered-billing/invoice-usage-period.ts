import type { Tx } from '../transaction';
import { prisma } from '../db';
import { now } from '../clock';
import { money, toDecimalString, ZERO } from '../money';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { issueInvoice } from '../billing/issue-invoice';
import { closeUsagePeriod } from '../usage-pricing/close-period';
import type { PricingPeriod } from '../usage-pricing/periods';
import { linesSubtotal, usageInvoiceLines, type ChargeGroup } from './usage-lines';
import { syncBills } from './bill-state';

export type UsagePeriodSubject = { tenantId: string; subscriptionId: string; periodStart: Date };
export type UsagePeriodResult = { billingRecordId: string | null; lines: number; alreadyInvoiced: boolean };

/**
 * The period-close job's work, in one transaction re-checked under a lock (so a doubled or retried
 * run issues one invoice): close the period's usage, then bill its charge lines — this period's
 * consumption, plus reconciliation and refund lines that landed before its end and no invoice has
 * taken — as one `usage` invoice, link them, and set the metered-billing items and bills.
 */
export function invoiceUsagePeriod(subject: UsagePeriodSubject, actor: Actor): Promise<UsagePeriodResult> {
  return prisma.$transaction((tx) => invoiceIn(tx, subject, actor), { timeout: 120_000, maxWait: 30_000 });
}

async function invoiceIn(tx: Tx, subject: UsagePeriodSubject, actor: Actor): Promise<UsagePeriodResult> {
  const { tenantId, subscriptionId, periodStart } = subject;
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`metered-close:${tenantId}:${subscriptionId}:${periodStart.toISOString()}`}, 0))::text`;
  const done = await tx.billingRecord.findFirst({ where: { tenantId, type: 'usage', subscriptionId, periodStart }, select: { id: true } });
  if (done) return { billingRecordId: done.id, lines: 0, alreadyInvoiced: true };
  const { period } = await closeUsagePeriod(tx, { tenantId, hourInPeriod: periodStart }, actor);
  if (period.subscriptionId !== subscriptionId || period.start.getTime() !== periodStart.getTime()) {
    throw new Error(`period ${period.key} is not ${subscriptionId}@${periodStart.toISOString()}`);
  }
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true } });
  const where = chargeLinesOf(tenantId, period);
  const groups = await readGroups(tx, where);
  const lines = usageInvoiceLines(groups, tenant.currency, period);
  const owed = linesSubtotal(lines, tenant.currency);
  let billingRecordId: string | null = null;
  if (lines.length > 0 && owed.gt(0)) {
    const record = await issueInvoice({
      tenantId, type: 'usage', description: `Usage ${period.start.toISOString().slice(0, 10)} – ${period.end.toISOString().slice(0, 10)}`,
      lines, subscriptionId, periodStart: period.start, periodEnd: period.end,
    }, actor, tx);
    billingRecordId = record.id;
    await tx.chargeLine.updateMany({ where, data: { billingRecordId, updatedAt: now() } });
    const bills = await tx.chargeLine.findMany({ where: { tenantId, billingRecordId }, distinct: ['billId'], select: { billId: true } });
    await syncBills(tx, tenantId, bills.map((b) => b.billId));
  }
  await settleItems(tx, tenantId, period, billingRecordId);
  await recordAudit(tx, actor, {
    tenantId, action: 'usage_period.invoice', targetType: 'subscription', targetId: subscriptionId,
    after: { period: period.key, billingRecordId, lines: lines.length, owed: toDecimalString(owed) },
  });
  return { billingRecordId, lines: lines.length, alreadyInvoiced: false };
}

/** The lines one period's invoice takes: none that an invoice already took. */
function chargeLinesOf(tenantId: string, period: PricingPeriod) {
  return {
    tenantId, billingRecordId: null,
    OR: [
      { consumeType: 'consumption' as const, subscriptionId: period.subscriptionId, hourStart: { gte: period.start, lt: period.end } },
      // Late corrections and refunds are billed in the period they landed in (DOMAIN.md: "in the next period").
      { consumeType: { in: ['reconciliation' as const, 'refund' as const] }, createdAt: { lt: period.end } },
    ],
  };
}

async function readGroups(tx: Tx, where: ReturnType<typeof chargeLinesOf>): Promise<ChargeGroup[]> {
  const rows = await tx.chargeLine.groupBy({
    by: ['consumeType', 'resourceType', 'skuId', 'unitPrice'], where,
    _sum: { quantity: true, includedQuantity: true, couponAmount: true, voucherAmount: true, amount: true },
  });
  const z = (v: unknown) => (v === null || v === undefined ? ZERO : money(v as string));
  return rows.map((r) => ({
    consumeType: r.consumeType, resourceType: r.resourceType, skuId: r.skuId, unitPrice: money(r.unitPrice),
    quantity: z(r._sum.quantity), includedQuantity: z(r._sum.includedQuantity), couponAmount: z(r._sum.couponAmount),
    voucherAmount: z(r._sum.voucherAmount), amount: z(r._sum.amount),
  }));
}

/** Seed 000's MeteredBillingExportItem, final: the period's consumption per resource type; overage_amount at list price (before coupons and vouchers, their own invoice lines). */
async function settleItems(tx: Tx, tenantId: string, period: PricingPeriod, billingRecordId: string | null): Promise<void> {
  const at = now();
  await tx.$executeRaw`
    UPDATE metered_billing_items m SET total_usage = COALESCE(c.usage, 0), overage_units = COALESCE(c.overage, 0), overage_amount = COALESCE(c.amount, 0),
      status = 'invoiced'::metered_billing_status, billing_record_id = ${billingRecordId}, updated_at = ${at}
    FROM metered_billing_items i LEFT JOIN LATERAL (
      SELECT SUM(quantity) AS usage, SUM(quantity - included_quantity) AS overage, SUM(original_amount - discount_amount) AS amount FROM charge_lines
      WHERE tenant_id = i.tenant_id AND subscription_id = i.subscription_id AND resource_type = i.resource_type AND consume_type = 'consumption'
        AND hour_start >= ${period.start} AND hour_start < ${period.end}) c ON true
    WHERE m.tenant_id = i.tenant_id AND m.id = i.id AND i.tenant_id = ${tenantId} AND i.subscription_id = ${period.subscriptionId} AND i.period_start = ${period.start}`;
}
