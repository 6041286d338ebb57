/** Usage alert CRUD: every change audited in its own transaction; another tenant's id is not found. */
import type { Tx } from '../db';
import { prisma } from '../db';
import { now } from '../clock';
import { newId } from '../ids';
import { badRequest, notFound } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { toDecimalString } from '../money';
import type { UsageAlert } from '../generated/prisma/client';
import type { AlertList, AlertView, CreateAlertInput, UpdateAlertInput } from './schema';

type Scoped<T> = T & { tenantId: string };

const decimalOrNull = (value: { toFixed(): string } | null) => (value === null ? null : toDecimalString(value));

export function alertView(row: UsageAlert, currency: string): AlertView {
  return {
    id: row.id, name: row.name, appId: row.appId, resourceType: row.resourceType, thresholdPercent: row.thresholdPercent,
    thresholdAmount: decimalOrNull(row.thresholdAmount), thresholdSpend: decimalOrNull(row.thresholdSpend), currency,
    channels: row.notificationChannels.split(',').filter((c): c is 'email' | 'in_app' => c === 'email' || c === 'in_app'),
    status: row.status, lastTriggeredAt: row.lastTriggeredAt, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

/** Metered resource types only: subscription and add-on fees have no usage to watch. */
async function watchableResourceTypes(db: Tx | typeof prisma) {
  return db.sku.findMany({
    where: { active: true, planEntitlements: { some: {} } },
    orderBy: [{ sortOrder: 'asc' }, { resourceType: 'asc' }],
    select: { resourceType: true, name: true, nameZh: true, unitName: true },
  });
}

async function assertTargets(tx: Tx, tenantId: string, input: { resourceType: string; appId?: string | null }) {
  const types = await watchableResourceTypes(tx);
  if (!types.some((t) => t.resourceType === input.resourceType)) throw badRequest(`unknown resource type "${input.resourceType}"`, 'UNKNOWN_RESOURCE_TYPE');
  if (input.appId && !(await tx.app.findUnique({ where: { tenantId_id: { tenantId, id: input.appId } }, select: { id: true } }))) {
    throw badRequest(`unknown app "${input.appId}"`, 'UNKNOWN_APP');
  }
}

async function currencyOf(db: Tx | typeof prisma, tenantId: string): Promise<string> {
  return (await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true } })).currency;
}

async function loadAlert(tx: Tx, tenantId: string, id: string): Promise<UsageAlert> {
  const row = await tx.usageAlert.findUnique({ where: { tenantId_id: { tenantId, id } } });
  if (!row) throw notFound('usage alert', 'ALERT_NOT_FOUND');
  return row;
}

export async function listAlerts(tenantId: string): Promise<AlertList> {
  const [currency, alerts, resourceTypes, apps] = await Promise.all([
    currencyOf(prisma, tenantId),
    prisma.usageAlert.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    watchableResourceTypes(prisma),
    prisma.app.findMany({ where: { tenantId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  return { alerts: alerts.map((row) => alertView(row, currency)), resourceTypes, apps };
}

export async function createAlert(input: Scoped<CreateAlertInput>, actor: Actor): Promise<AlertView> {
  return prisma.$transaction(async (tx) => {
    await assertTargets(tx, input.tenantId, input);
    const at = now();
    const row = await tx.usageAlert.create({
      data: {
        tenantId: input.tenantId, id: newId('ua'), name: input.name, appId: input.appId ?? null, resourceType: input.resourceType,
        thresholdPercent: input.thresholdPercent ?? null, thresholdAmount: input.thresholdAmount ?? null, thresholdSpend: input.thresholdSpend ?? null,
        notificationChannels: input.channels.join(','), status: 'active', createdByUserId: actor.userId, createdAt: at, updatedAt: at,
      },
    });
    const view = alertView(row, await currencyOf(tx, input.tenantId));
    await recordAudit(tx, actor, { tenantId: input.tenantId, action: 'usage_alert.create', targetType: 'usage_alert', targetId: row.id, after: view });
    return view;
  });
}

/**
 * Replaces an alert's settings. A changed threshold or scope clears this period's firings, so the
 * new line fires once when crossed instead of staying silent until the next period.
 */
export async function updateAlert(input: Scoped<UpdateAlertInput>, actor: Actor): Promise<AlertView> {
  return prisma.$transaction(async (tx) => {
    const before = await loadAlert(tx, input.tenantId, input.id);
    await assertTargets(tx, input.tenantId, input);
    const thresholdPercent = input.thresholdPercent ?? null;
    const thresholdAmount = input.thresholdAmount ?? null;
    const thresholdSpend = input.thresholdSpend ?? null;
    const appId = input.appId ?? null;
    const row = await tx.usageAlert.update({
      where: { tenantId_id: { tenantId: input.tenantId, id: input.id } },
      data: { name: input.name, resourceType: input.resourceType, appId, thresholdPercent, thresholdAmount, thresholdSpend, notificationChannels: input.channels.join(','), status: input.status, updatedAt: now() },
    });
    const rearmed = before.resourceType !== row.resourceType || before.appId !== appId || before.thresholdPercent !== thresholdPercent
      || decimalOrNull(before.thresholdAmount) !== decimalOrNull(row.thresholdAmount) || decimalOrNull(before.thresholdSpend) !== decimalOrNull(row.thresholdSpend);
    if (rearmed && before.lastTriggeredPeriodStart) {
      await tx.usageAlertTrigger.deleteMany({ where: { tenantId: input.tenantId, usageAlertId: input.id, periodStart: before.lastTriggeredPeriodStart } });
    }
    const currency = await currencyOf(tx, input.tenantId);
    await recordAudit(tx, actor, { tenantId: input.tenantId, action: 'usage_alert.update', targetType: 'usage_alert', targetId: row.id, before: alertView(before, currency), after: alertView(row, currency) });
    return alertView(row, currency);
  });
}

/** Pause or resume. */
export async function setAlertStatus(input: Scoped<{ id: string; status: 'active' | 'paused' }>, actor: Actor): Promise<AlertView> {
  return prisma.$transaction(async (tx) => {
    const before = await loadAlert(tx, input.tenantId, input.id);
    const row = await tx.usageAlert.update({ where: { tenantId_id: { tenantId: input.tenantId, id: input.id } }, data: { status: input.status, updatedAt: now() } });
    await recordAudit(tx, actor, { tenantId: input.tenantId, action: `usage_alert.${input.status === 'paused' ? 'pause' : 'resume'}`, targetType: 'usage_alert', targetId: row.id, before: { status: before.status }, after: { status: row.status } });
    return alertView(row, await currencyOf(tx, input.tenantId));
  });
}

export async function deleteAlert(input: Scoped<{ id: string }>, actor: Actor): Promise<{ ok: true }> {
  return prisma.$transaction(async (tx) => {
    const before = await loadAlert(tx, input.tenantId, input.id);
    // Notifications keep their text; they only lose the link to the alert.
    await tx.notification.updateMany({ where: { tenantId: input.tenantId, usageAlertId: input.id }, data: { usageAlertId: null } });
    await tx.usageAlert.delete({ where: { tenantId_id: { tenantId: input.tenantId, id: input.id } } });
    await recordAudit(tx, actor, { tenantId: input.tenantId, action: 'usage_alert.delete', targetType: 'usage_alert', targetId: input.id, before: alertView(before, await currencyOf(tx, input.tenantId)) });
    return { ok: true as const };
  });
}
