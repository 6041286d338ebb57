/**
 * `evaluateUsageAlerts`: called by ingest inside its transaction, after the rollups of the batch are
 * written. For each active alert watching a touched resource (and app), it reads the period's usage
 * from the rollups and fires each threshold kind at most once per period: inserting the
 * usage_alert_triggers row (ON CONFLICT DO NOTHING) is the lock, so concurrent ingests that both
 * cross the line fire once (the second waits on the first's row, then inserts nothing).
 */
import type { Tx } from '../db';
import type { AlertThresholdKind } from '../generated/prisma/enums';
import { now } from '../clock';
import { Decimal } from '../money';
import { currentUsagePeriod, meterKindOf, periodSpend, periodUsage, type UsagePeriod } from '../quotas/period-usage';
import { notifyTenant, type NotificationChannelName } from '../notifications/notify';
import { alertText } from './alert-text';
import { alertBase } from './alert-base';

export type TouchedUsage = { namespaceId: string; appId: string | null; resourceType: string };
/** `period`: the caller's current usage period when it has read it already (ingest), else read here. */
export type EvaluateUsageAlertsInput = { tenantId: string; touched: readonly TouchedUsage[]; period?: UsagePeriod };
export type FiredAlert = { alertId: string; kind: AlertThresholdKind; periodStart: Date; observed: string; base: string | null };

type WatchedAlert = {
  id: string; name: string; appId: string | null; resourceType: string; thresholdPercent: number | null;
  thresholdAmount: { toFixed(): string } | null; thresholdSpend: { toFixed(): string } | null; notificationChannels: string;
};

/** An app-scoped alert listens to its app; a tenant-wide one to every touch of its resource type. */
function isTouched(alert: WatchedAlert, touched: readonly TouchedUsage[]): boolean {
  return touched.some((t) => t.resourceType === alert.resourceType && (alert.appId === null || (t.appId ?? '') === alert.appId));
}

export async function evaluateUsageAlerts(tx: Tx, input: EvaluateUsageAlertsInput): Promise<FiredAlert[]> {
  if (input.touched.length === 0) return [];
  const resourceTypes = [...new Set(input.touched.map((t) => t.resourceType))];
  const alerts = (await tx.usageAlert.findMany({
    where: { tenantId: input.tenantId, status: 'active', resourceType: { in: resourceTypes } },
    orderBy: { id: 'asc' },
  })).filter((alert) => isTouched(alert, input.touched));
  if (alerts.length === 0) return [];
  const period = input.period ?? await currentUsagePeriod(tx, input.tenantId, now());
  // A threshold fires once per period: one read of what already fired spares measuring usage (or
  // spend) again for a threshold that cannot fire — the common case once an alert has gone off.
  const firedBefore = await tx.usageAlertTrigger.findMany({
    where: { tenantId: input.tenantId, usageAlertId: { in: alerts.map((a) => a.id) }, periodStart: period.start },
    select: { usageAlertId: true, thresholdKind: true },
  });
  const done = new Set(firedBefore.map((t) => `${t.usageAlertId}|${t.thresholdKind}`));
  const fired: FiredAlert[] = [];
  for (const alert of alerts) {
    const pending = thresholdKinds(alert).filter((kind) => !done.has(`${alert.id}|${kind}`));
    if (pending.length) fired.push(...await evaluateOne(tx, input.tenantId, alert, period, new Set(pending)));
  }
  return fired;
}

function thresholdKinds(alert: WatchedAlert): AlertThresholdKind[] {
  const kinds: AlertThresholdKind[] = [];
  if (alert.thresholdPercent !== null) kinds.push('percent');
  if (alert.thresholdAmount !== null) kinds.push('amount');
  if (alert.thresholdSpend !== null) kinds.push('spend');
  return kinds;
}

type Crossing = { kind: AlertThresholdKind; observed: Decimal; base: Decimal | null };

/** The threshold kinds this alert has crossed, with what was observed (usage, or spend) and the base it was measured on. */
async function crossed(tx: Tx, tenantId: string, alert: WatchedAlert, period: UsagePeriod, pending: ReadonlySet<AlertThresholdKind>): Promise<Crossing[]> {
  const result: Crossing[] = [];
  if (pending.has('percent') || pending.has('amount')) {
    const usage = await periodUsage(tx, { tenantId, resourceType: alert.resourceType, namespaceId: null, appId: alert.appId }, period, await meterKindOf(tx, alert.resourceType));
    if (pending.has('percent') && alert.thresholdPercent !== null) {
      const base = await alertBase(tx, tenantId, alert);
      // usage ≥ base × percent / 100, compared exactly (no division).
      if (base && base.gt(0) && usage.times(100).gte(base.times(alert.thresholdPercent))) result.push({ kind: 'percent', observed: usage, base });
    }
    if (pending.has('amount') && alert.thresholdAmount !== null && usage.gte(new Decimal(alert.thresholdAmount.toFixed()))) result.push({ kind: 'amount', observed: usage, base: null });
  }
  if (pending.has('spend') && alert.thresholdSpend !== null) {
    const spend = await periodSpend(tx, { tenantId, resourceType: alert.resourceType, appId: alert.appId }, period);
    if (spend.gte(new Decimal(alert.thresholdSpend.toFixed()))) result.push({ kind: 'spend', observed: spend, base: null });
  }
  return result;
}

async function evaluateOne(tx: Tx, tenantId: string, alert: WatchedAlert, period: UsagePeriod, pending: ReadonlySet<AlertThresholdKind>): Promise<FiredAlert[]> {
  const fired: FiredAlert[] = [];
  for (const { kind, observed, base } of await crossed(tx, tenantId, alert, period, pending)) {
    const at = now();
    const inserted = await tx.$queryRaw<{ period_start: Date }[]>`
      INSERT INTO usage_alert_triggers (tenant_id, usage_alert_id, period_start, threshold_kind, observed_quantity, base_quantity, triggered_at)
      VALUES (${tenantId}, ${alert.id}, ${period.start}, ${kind}::alert_threshold_kind, ${observed.toFixed()}::numeric, ${base?.toFixed() ?? null}::numeric, ${at})
      ON CONFLICT DO NOTHING RETURNING period_start`;
    if (inserted.length === 0) continue; // already fired this period
    await tx.usageAlert.update({
      where: { tenantId_id: { tenantId, id: alert.id } },
      data: { lastTriggeredAt: at, lastTriggeredPeriodStart: period.start },
    });
    const sku = await tx.sku.findUnique({ where: { resourceType: alert.resourceType }, select: { name: true, nameZh: true, unitName: true } });
    const { currency } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true } });
    await notifyTenant(tx, {
      tenantId, kind: 'usage_alert', usageAlertId: alert.id,
      channels: alert.notificationChannels.split(',').filter((c): c is NotificationChannelName => c === 'email' || c === 'in_app'),
      text: alertText({ alert, kind, observed, base, sku, currency }),
      data: { alertId: alert.id, resourceType: alert.resourceType, kind, observed: observed.toFixed(), base: base?.toFixed() ?? null, periodStart: period.start.toISOString() },
    });
    fired.push({ alertId: alert.id, kind, periodStart: period.start, observed: observed.toFixed(), base: base?.toFixed() ?? null });
  }
  return fired;
}
