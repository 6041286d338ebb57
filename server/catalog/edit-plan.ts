import { z } from 'zod';
import { nonNegativeDecimalInput as decimalString } from '../money-schema';
import { prisma } from '../db';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { notFound } from '../errors';
import { money, toDecimalString } from '../money';
import { inTransaction, type Tx } from '../transaction';
import { invalidateCatalogCache } from './plans';


/** A staff admin's edit of one plan: prices per currency and cycle, included units, settings. */
export const editPlanInput = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
  prices: z.record(z.string().length(3), z.strictObject({ monthly: decimalString, yearly: decimalString.nullable() })).optional(),
  entitlements: z.array(z.strictObject({ resourceType: z.string().min(1).max(64), includedUnits: decimalString, quotaLimit: decimalString.nullable() })).max(50).optional(),
  trialDays: z.number().int().min(0).max(365).optional(),
  gracePeriodDays: z.number().int().min(0).max(90).optional(),
  requiresManualApproval: z.boolean().optional(),
  upgradeProration: z.enum(['prorate_now', 'at_renewal']).optional(),
  downgradeProration: z.enum(['at_period_end', 'prorate_now_credit']).optional(),
});
export type EditPlanInput = z.output<typeof editPlanInput>;

type Snapshot = { prices: Record<string, { monthly: string; yearly: string | null }>; entitlements: { resourceType: string; includedUnits: string; quotaLimit: string | null; gaugeBilling: string }[] };

async function snapshotOf(db: Tx, code: string): Promise<Snapshot> {
  // Sequential: a transaction has one connection, and pg refuses overlapping queries on it from v9.
  const prices = await db.planPrice.findMany({ where: { planCode: code }, orderBy: { currency: 'asc' } });
  const entitlements = await db.planEntitlement.findMany({ where: { planCode: code }, orderBy: { resourceType: 'asc' } });
  return {
    prices: Object.fromEntries(prices.map((p) => [p.currency, { monthly: toDecimalString(p.price), yearly: p.yearlyPrice ? toDecimalString(p.yearlyPrice) : null }])),
    entitlements: entitlements.map((e) => ({ resourceType: e.resourceType, includedUnits: toDecimalString(e.includedUnits), quotaLimit: e.quotaLimit ? toDecimalString(e.quotaLimit) : null, gaugeBilling: e.gaugeBilling })),
  };
}

const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : money(a).eq(money(b)));

/**
 * Edits a plan. A plan in use is versioned: when a price or an entitlement of a plan with live
 * subscribers changes, the version before and the new one are kept in plan_versions and the plan's
 * version goes up; subscribers keep the amount and version they bought until their renewal, and
 * quotes name the version they were made with.
 */
export function editPlan(input: EditPlanInput, actor: Actor, tx?: Tx) {
  return inTransaction(tx, async (db) => {
    await db.$queryRaw`SELECT code FROM plans WHERE code = ${input.code} FOR UPDATE`;
    const plan = await db.plan.findUnique({ where: { code: input.code } });
    if (!plan) throw notFound('plan', 'PLAN_NOT_FOUND');
    const before = await snapshotOf(db, plan.code);
    for (const [currency, price] of Object.entries(input.prices ?? {})) {
      await db.planPrice.upsert({ where: { planCode_currency: { planCode: plan.code, currency } }, create: { planCode: plan.code, currency, price: price.monthly, yearlyPrice: price.yearly }, update: { price: price.monthly, yearlyPrice: price.yearly } });
    }
    for (const e of input.entitlements ?? []) {
      await db.planEntitlement.upsert({
        where: { planCode_resourceType: { planCode: plan.code, resourceType: e.resourceType } },
        create: { planCode: plan.code, resourceType: e.resourceType, includedUnits: e.includedUnits, quotaLimit: e.quotaLimit },
        update: { includedUnits: e.includedUnits, quotaLimit: e.quotaLimit },
      });
    }
    const after = await snapshotOf(db, plan.code);
    const changed = Object.keys({ ...before.prices, ...after.prices }).some((c) => !same(before.prices[c]?.monthly ?? null, after.prices[c]?.monthly ?? null) || !same(before.prices[c]?.yearly ?? null, after.prices[c]?.yearly ?? null))
      || before.entitlements.length !== after.entitlements.length
      || after.entitlements.some((e, i) => e.resourceType !== before.entitlements[i]?.resourceType || !same(e.includedUnits, before.entitlements[i]!.includedUnits) || !same(e.quotaLimit, before.entitlements[i]!.quotaLimit));
    const subscribers = await db.subscription.count({ where: { planCode: plan.code, endedAt: null } });
    let version = plan.version;
    if (changed && subscribers > 0) {
      await db.planVersion.upsert({ where: { planCode_version: { planCode: plan.code, version } }, create: { planCode: plan.code, version, ...before }, update: {} });
      version += 1;
      await db.planVersion.create({ data: { planCode: plan.code, version, ...after } });
    }
    const updated = await db.plan.update({
      where: { code: plan.code },
      data: {
        version,
        ...(input.trialDays !== undefined ? { trialDays: input.trialDays } : {}),
        ...(input.gracePeriodDays !== undefined ? { gracePeriodDays: input.gracePeriodDays } : {}),
        ...(input.requiresManualApproval !== undefined ? { requiresManualApproval: input.requiresManualApproval } : {}),
        ...(input.upgradeProration ? { upgradeProration: input.upgradeProration } : {}),
        ...(input.downgradeProration ? { downgradeProration: input.downgradeProration } : {}),
      },
    });
    await recordAudit(db, actor, {
      tenantId: null, action: 'catalog.edit_plan', targetType: 'plan', targetId: plan.code,
      before: { version: plan.version, ...before }, after: { version, ...after, subscribers, settings: input },
    });
    invalidateCatalogCache();
    return { code: updated.code, version, versioned: version !== plan.version, subscribers };
  });
}

/** The staff catalog: every plan with its prices, entitlements, settings, version and live subscribers. */
export async function listCatalogForStaff() {
  const plans = await prisma.plan.findMany({ orderBy: [{ rank: 'asc' }], include: { prices: { orderBy: { currency: 'asc' } }, entitlements: { orderBy: { resourceType: 'asc' } }, _count: { select: { subscriptions: { where: { endedAt: null } } } } } });
  return plans.map((p) => ({
    code: p.code, name: p.name, nameZh: p.nameZh, rank: p.rank, version: p.version, active: p.active, subscribers: p._count.subscriptions,
    trialDays: p.trialDays, gracePeriodDays: p.gracePeriodDays, requiresManualApproval: p.requiresManualApproval,
    upgradeProration: p.upgradeProration, downgradeProration: p.downgradeProration,
    prices: p.prices.map((x) => ({ currency: x.currency, monthly: toDecimalString(x.price), yearly: x.yearlyPrice ? toDecimalString(x.yearlyPrice) : null })),
    entitlements: p.entitlements.map((e) => ({ resourceType: e.resourceType, includedUnits: toDecimalString(e.includedUnits), quotaLimit: e.quotaLimit ? toDecimalString(e.quotaLimit) : null })),
  }));
}
