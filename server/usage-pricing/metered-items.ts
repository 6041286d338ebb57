import type { Tx } from '../transaction';
import { newId } from '../ids';
import { now } from '../clock';
import { Decimal, toDecimalString } from '../money';

/** How one pricing call moved one (subscription period, resource type): added to its metered-billing item. */
export type ItemDelta = {
  subscriptionId: string;
  resourceType: string;
  periodStart: Date;
  periodEnd: Date;
  includedUnits: Decimal;
  totalUsage: Decimal;
  overageUnits: Decimal;
  overageAmount: Decimal;
  currency: string;
};

/**
 * Keeps seed 000's MeteredBillingExportItem live while the period is open: the first priced usage
 * opens the row (copying the plan's included units), later calls add their deltas. A closed row is
 * never touched (its corrections are reconciliation lines).
 */
export async function refreshMeteredItems(tx: Tx, tenantId: string, deltas: ItemDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const at = now();
  const s = (pick: (d: ItemDelta) => Decimal) => deltas.map((d) => toDecimalString(pick(d)));
  await tx.$executeRaw`
    INSERT INTO metered_billing_items (tenant_id, id, subscription_id, resource_type, period_start, period_end, included_units, total_usage, overage_units, overage_amount, currency, status, created_at, updated_at)
    SELECT ${tenantId}, d.id, d.subscription_id, d.resource_type, d.period_start, d.period_end, d.included, d.usage, d.overage, d.amount, d.currency, 'open'::metered_billing_status, ${at}, ${at}
    FROM unnest(${deltas.map(() => newId('mbi'))}::text[], ${deltas.map((d) => d.subscriptionId)}::text[], ${deltas.map((d) => d.resourceType)}::text[],
      ${deltas.map((d) => d.periodStart.toISOString())}::timestamptz[], ${deltas.map((d) => d.periodEnd.toISOString())}::timestamptz[],
      ${s((d) => d.includedUnits)}::numeric[], ${s((d) => d.totalUsage)}::numeric[], ${s((d) => d.overageUnits)}::numeric[], ${s((d) => d.overageAmount)}::numeric[],
      ${deltas.map((d) => d.currency)}::text[])
      AS d(id, subscription_id, resource_type, period_start, period_end, included, usage, overage, amount, currency)
    ON CONFLICT (tenant_id, subscription_id, resource_type, period_start) DO UPDATE SET
      total_usage = metered_billing_items.total_usage + EXCLUDED.total_usage,
      overage_units = metered_billing_items.overage_units + EXCLUDED.overage_units,
      overage_amount = metered_billing_items.overage_amount + EXCLUDED.overage_amount,
      updated_at = EXCLUDED.updated_at
    WHERE metered_billing_items.status = 'open'`;
}
