import type { Tx } from '../transaction';
import { newId } from '../ids';
import { now } from '../clock';
import { recordAudit } from '../audit/record-audit';
import { SYSTEM_ACTOR } from '../audit/actor';
import { localMonthBounds } from './periods';

/** Where a line is charged: the app's resource when it has one, else the tenant's default resource group. */
export type ChargeTarget = { billingAccountId: string; resourceGroupId: string; resourceId: string | null; ownerUserId: string | null };

/**
 * The tenant's default billing account and resource group. createTenant makes both; a tenant that
 * predates them (or lost them) gets them here, audited as a system action, so pricing never fails
 * for want of an account.
 */
export async function ensureBillingAccount(tx: Tx, tenantId: string): Promise<ChargeTarget> {
  const group = await tx.resourceGroup.findFirst({ where: { tenantId, isDefault: true }, select: { id: true, billingAccountId: true, ownerUserId: true } });
  if (group) return { billingAccountId: group.billingAccountId, resourceGroupId: group.id, resourceId: null, ownerUserId: group.ownerUserId };
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, currency: true } });
  const createdAt = now();
  const account = await tx.billingAccount.findFirst({ where: { tenantId, isDefault: true }, select: { id: true } })
    ?? await tx.billingAccount.create({ data: { tenantId, id: newId('ba'), name: 'default', displayName: tenant.name, currency: tenant.currency, isDefault: true, createdAt } });
  const created = await tx.resourceGroup.create({ data: { tenantId, id: newId('rg'), name: 'default', billingAccountId: account.id, isDefault: true, createdAt } });
  await recordAudit(tx, SYSTEM_ACTOR, { tenantId, action: 'billing_account.ensure_default', targetType: 'resource_group', targetId: created.id, after: { billingAccountId: account.id, resourceGroupId: created.id } });
  return { billingAccountId: account.id, resourceGroupId: created.id, resourceId: null, ownerUserId: null };
}

/** Charge targets by app id ('' = no app): apps with a Resource go to its group, the rest to the default. */
export async function chargeTargets(tx: Tx, tenantId: string, appIds: string[]): Promise<(appId: string) => ChargeTarget> {
  const fallback = await ensureBillingAccount(tx, tenantId);
  const named = appIds.filter((id) => id !== '');
  const resources = named.length === 0 ? [] : await tx.resource.findMany({
    where: { tenantId, appId: { in: named } },
    select: { id: true, appId: true, ownerUserId: true, resourceGroup: { select: { id: true, billingAccountId: true, ownerUserId: true } } },
  });
  const byApp = new Map(resources.map((r) => [r.appId!, {
    billingAccountId: r.resourceGroup.billingAccountId, resourceGroupId: r.resourceGroup.id, resourceId: r.id, ownerUserId: r.ownerUserId ?? r.resourceGroup.ownerUserId,
  }]));
  return (appId) => byApp.get(appId) ?? fallback;
}

/**
 * The bill of each (billing account, local month) asked for, created pending when missing (one per
 * account and month: the unique key makes a concurrent creation a no-op). Returns `account|YYYYMM` → bill id.
 */
export async function ensureBills(tx: Tx, tenantId: string, currency: string, timeZone: string, wanted: { billingAccountId: string; instant: Date }[]): Promise<Map<string, string>> {
  const months = new Map<string, { billingAccountId: string; billMonth: string; start: Date; end: Date }>();
  for (const { billingAccountId, instant } of wanted) {
    const bounds = localMonthBounds(instant, timeZone);
    months.set(`${billingAccountId}|${bounds.billMonth}`, { billingAccountId, ...bounds });
  }
  const found = new Map<string, string>();
  if (months.size === 0) return found;
  const list = [...months.values()];
  const existing = await tx.bill.findMany({
    where: { tenantId, OR: list.map((m) => ({ billingAccountId: m.billingAccountId, billMonth: m.billMonth })) },
    select: { id: true, billingAccountId: true, billMonth: true },
  });
  for (const bill of existing) found.set(`${bill.billingAccountId}|${bill.billMonth}`, bill.id);
  const missing = list.filter((m) => !found.has(`${m.billingAccountId}|${m.billMonth}`));
  if (missing.length === 0) return found;
  const createdAt = now();
  await tx.bill.createMany({
    data: missing.map((m) => ({ tenantId, id: newId('bill'), billingAccountId: m.billingAccountId, billMonth: m.billMonth, periodStart: m.start, periodEnd: m.end, currency, createdAt })),
    skipDuplicates: true,
  });
  const made = await tx.bill.findMany({
    where: { tenantId, OR: missing.map((m) => ({ billingAccountId: m.billingAccountId, billMonth: m.billMonth })) },
    select: { id: true, billingAccountId: true, billMonth: true },
  });
  for (const bill of made) found.set(`${bill.billingAccountId}|${bill.billMonth}`, bill.id);
  await recordAudit(tx, SYSTEM_ACTOR, { tenantId, action: 'bill.open', targetType: 'bill', targetId: made[0]?.id ?? null, after: made });
  return found;
}

export function billKey(billingAccountId: string, instant: Date, timeZone: string): string {
  return `${billingAccountId}|${localMonthBounds(instant, timeZone).billMonth}`;
}
