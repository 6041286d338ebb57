import { prisma } from '../db';
import { now } from '../clock';
import { newId } from '../ids';
import { badRequest, conflict } from '../errors';
import { money } from '../money';
import { recordAudit } from '../audit/record-audit';
import { SYSTEM_ACTOR, type Actor } from '../audit/actor';
import { issueInvoice } from '../billing/issue-invoice';
import { inTransaction, type Tx } from '../transaction';
import { prorateAddOn, proratedChargeView } from './proration';
import type { AddOnChangeInput, AddOnChangeResult, AddOnList } from './schema';

/**
 * Statuses of a live subscription that may take a new add-on: any not ended and not suspended. A
 * past-due or grace subscription still runs (the add-on's invoice is owed like the plan's); a
 * suspended one (past due beyond its grace days) takes nothing new until it is paid.
 */
export const ADDON_BILLABLE_STATUSES: readonly string[] = ['active', 'trialing', 'past_due', 'grace'];

type Db = Tx | typeof prisma;

async function liveSubscription(db: Db, tenantId: string) {
  return db.subscription.findFirst({
    where: { tenantId, endedAt: null },
    orderBy: { startedAt: 'desc' },
    select: { id: true, planCode: true, status: true, currentPeriodStart: true, currentPeriodEnd: true },
  });
}

/** The row that gives the tenant this add-on now: active, or unsubscribed but running to its period end. */
async function currentRow(db: Db, tenantId: string, subscriptionId: string, addOnCode: string, at: Date) {
  return db.subscriptionAddOn.findFirst({
    where: { tenantId, subscriptionId, addOnCode, OR: [{ status: 'active' }, { status: 'canceled', endedAt: { gt: at } }] },
    orderBy: { startedAt: 'desc' },
  });
}

/**
 * Subscribes the tenant's live subscription to an add-on its plan allows, and bills it at once:
 * a billing record of type `addon`, prorated for the rest of the period (price × r / N, half up),
 * settled from credit first. Idempotent: an add-on already held (or included in the plan) is left
 * unchanged, and one unsubscribed but still running to its period end is resumed without a new
 * charge (that period is paid). The subscription row is locked, and a partial unique index keeps
 * one active row per add-on, so concurrent subscribes bill once.
 */
export async function subscribeAddOn(input: AddOnChangeInput & { tenantId: string }, actor: Actor, tx?: Tx): Promise<AddOnChangeResult> {
  const { tenantId, addOnCode } = input;
  return inTransaction(tx, async (db) => {
    const { sub, planAddOn, at } = await prepare(db, tenantId, addOnCode);
    const unchanged: AddOnChangeResult = { addOnCode, outcome: 'unchanged', billingRecordId: null, endsAt: null };
    if (planAddOn.included) return unchanged;
    if (!ADDON_BILLABLE_STATUSES.includes(sub.status)) throw conflict(`the subscription is ${sub.status}: add-ons cannot be added until it is paid`, 'SUBSCRIPTION_NOT_ACTIVE');
    const existing = await currentRow(db, tenantId, sub.id, addOnCode, at);
    if (existing?.status === 'active') return unchanged;
    if (existing) {
      await db.subscriptionAddOn.update({ where: { tenantId_id: { tenantId, id: existing.id } }, data: { status: 'active', endedAt: null } });
      await recordAudit(db, actor, { tenantId, action: 'addon.resume', targetType: 'subscription_add_on', targetId: existing.id, before: { status: 'canceled', endedAt: existing.endedAt }, after: { status: 'active' } });
      return { addOnCode, outcome: 'resumed', billingRecordId: null, endsAt: null };
    }
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true, taxRate: true, billingTimezone: true, locale: true } });
    const price = await db.addOnPrice.findUnique({ where: { addOnCode_currency: { addOnCode, currency: tenant.currency } } });
    if (!price) throw conflict(`${addOnCode} has no price in ${tenant.currency}`, 'ADDON_PRICE_MISSING');
    const id = newId('sad');
    await db.subscriptionAddOn.create({
      data: { tenantId, id, subscriptionId: sub.id, addOnCode, status: 'active', currency: tenant.currency, priceAtStart: money(price.price), startedAt: at, createdAt: at },
    });
    const p = prorateAddOn({ price: price.price, periodStart: sub.currentPeriodStart, periodEnd: sub.currentPeriodEnd, at, timeZone: tenant.billingTimezone, taxRate: tenant.taxRate, currency: tenant.currency });
    await recordAudit(db, actor, {
      tenantId, action: 'addon.subscribe', targetType: 'subscription_add_on', targetId: id,
      after: { addOnCode, subscriptionId: sub.id, price: money(price.price).toFixed(), currency: tenant.currency, ...proratedChargeView(p) },
    });
    let billingRecordId: string | null = null;
    if (p.amount.gt(0)) {
      const zh = tenant.locale === 'zh-CN';
      const name = zh ? planAddOn.addOn.nameZh : planAddOn.addOn.name;
      const description = zh ? `附加服务：${name}（按比例 ${p.remainingDays}/${p.periodDays} 天）` : `Add-on: ${name} (prorated ${p.remainingDays}/${p.periodDays} days)`;
      const sku = planAddOn.addOn.skuId ?? (await db.sku.findFirst({ where: { resourceType: 'addon' }, select: { id: true } }))?.id ?? null;
      const record = await issueInvoice({
        tenantId, type: 'addon', subscriptionId: sub.id, description, periodStart: at, periodEnd: sub.currentPeriodEnd,
        lines: [{ resourceType: 'addon', skuId: sku, description, quantity: 1, unitPrice: p.unitPrice, periodStart: at, periodEnd: sub.currentPeriodEnd }],
      }, actor, db);
      billingRecordId = record.id;
    }
    return { addOnCode, outcome: 'subscribed', billingRecordId, endsAt: null };
  });
}

/**
 * Unsubscribes at period end: the add-on keeps running until the current period's end (it was paid
 * for), then is not renewed; no credit is given. Idempotent: an add-on not held, or already ending,
 * is unchanged. An add-on included in the plan cannot be unsubscribed (409).
 */
export async function unsubscribeAddOn(input: AddOnChangeInput & { tenantId: string }, actor: Actor, tx?: Tx): Promise<AddOnChangeResult> {
  const { tenantId, addOnCode } = input;
  return inTransaction(tx, async (db) => {
    const { sub, planAddOn, at } = await prepare(db, tenantId, addOnCode);
    if (planAddOn.included) throw conflict(`${addOnCode} is included in the plan`, 'ADDON_INCLUDED');
    const existing = await currentRow(db, tenantId, sub.id, addOnCode, at);
    if (!existing || existing.status === 'canceled') return { addOnCode, outcome: 'unchanged', billingRecordId: null, endsAt: existing?.endedAt ?? null };
    const endsAt = sub.currentPeriodEnd;
    await db.subscriptionAddOn.update({ where: { tenantId_id: { tenantId, id: existing.id } }, data: { status: 'canceled', endedAt: endsAt } });
    await recordAudit(db, actor, { tenantId, action: 'addon.unsubscribe', targetType: 'subscription_add_on', targetId: existing.id, before: { status: 'active' }, after: { status: 'canceled', endedAt: endsAt } });
    return { addOnCode, outcome: 'canceled', billingRecordId: null, endsAt };
  });
}

/** Locks the live subscription and finds the add-on among those its plan allows or includes. */
async function prepare(db: Tx, tenantId: string, addOnCode: string) {
  const addOn = await db.addOn.findUnique({ where: { code: addOnCode }, select: { code: true, active: true } });
  if (!addOn?.active) throw badRequest(`unknown add-on ${addOnCode}`, 'UNKNOWN_ADDON');
  const found = await liveSubscription(db, tenantId);
  if (!found) throw conflict('the tenant has no subscription', 'NO_SUBSCRIPTION');
  await db.$queryRaw`SELECT id FROM subscriptions WHERE tenant_id = ${tenantId} AND id = ${found.id} FOR UPDATE`;
  const sub = (await liveSubscription(db, tenantId))!;
  const planAddOn = await db.planAddOn.findUnique({
    where: { planCode_addOnCode: { planCode: sub.planCode, addOnCode } },
    include: { addOn: { select: { name: true, nameZh: true, skuId: true } } },
  });
  if (!planAddOn) throw conflict(`the ${sub.planCode} plan does not offer ${addOnCode}`, 'ADDON_NOT_ALLOWED');
  return { sub, planAddOn, at: now() };
}

/** `addOns.list`: the add-ons the current plan allows or includes, with prices in the tenant's currency. */
export async function listAddOns(tenantId: string): Promise<AddOnList> {
  const at = now();
  const [tenant, sub] = await Promise.all([
    prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true, taxRate: true, billingTimezone: true } }),
    liveSubscription(prisma, tenantId),
  ]);
  if (!sub) return { hasSubscription: false, canSubscribe: false, currency: tenant.currency, periodEnd: null, addOns: [] };
  const [offered, held] = await Promise.all([
    prisma.planAddOn.findMany({
      where: { planCode: sub.planCode, addOn: { active: true } },
      include: { addOn: { include: { prices: { where: { currency: tenant.currency } } } } },
      orderBy: { addOnCode: 'asc' },
    }),
    prisma.subscriptionAddOn.findMany({ where: { tenantId, subscriptionId: sub.id, OR: [{ status: 'active' }, { status: 'canceled', endedAt: { gt: at } }] } }),
  ]);
  return {
    hasSubscription: true, canSubscribe: ADDON_BILLABLE_STATUSES.includes(sub.status), currency: tenant.currency, periodEnd: sub.currentPeriodEnd,
    addOns: offered.map(({ addOn, included }) => {
      const row = held.find((h) => h.addOnCode === addOn.code);
      const price = addOn.prices[0]?.price ?? null;
      const state = included ? 'included' : row?.status === 'active' ? 'active' : row ? 'ending' : 'available';
      const charge = state === 'available' && price !== null
        ? proratedChargeView(prorateAddOn({ price, periodStart: sub.currentPeriodStart, periodEnd: sub.currentPeriodEnd, at, timeZone: tenant.billingTimezone, taxRate: tenant.taxRate, currency: tenant.currency }))
        : null;
      return {
        code: addOn.code, name: addOn.name, nameZh: addOn.nameZh, description: addOn.description, descriptionZh: addOn.descriptionZh,
        state, price: price === null ? null : money(price).toFixed(), endsAt: state === 'ending' ? row!.endedAt : null, proratedCharge: charge,
      };
    }),
  };
}

/**
 * For the renewal job: the add-on lines of the period [start, end) — every add-on still active
 * (not ending), at its price in the tenant's currency on that day. Rows that ended are left alone.
 * With `planCode` (the plan the subscription renews into), add-ons that plan includes cost nothing
 * and add-ons it no longer offers end with the old period, unbilled and audited.
 */
export async function addOnRenewalLines(
  db: Tx,
  input: { tenantId: string; subscriptionId: string; currency: string; locale: string; start: Date; end: Date; planCode?: string },
  actor: Actor = SYSTEM_ACTOR,
) {
  const rows = await db.subscriptionAddOn.findMany({
    where: { tenantId: input.tenantId, subscriptionId: input.subscriptionId, status: 'active' },
    include: { addOn: { include: { prices: { where: { currency: input.currency } } } } },
    orderBy: { addOnCode: 'asc' },
  });
  const offered = input.planCode
    ? new Map((await db.planAddOn.findMany({ where: { planCode: input.planCode }, select: { addOnCode: true, included: true } })).map((o) => [o.addOnCode, o.included]))
    : null;
  const billed = [];
  for (const row of rows) {
    if (offered && !offered.has(row.addOnCode)) {
      await db.subscriptionAddOn.update({ where: { tenantId_id: { tenantId: input.tenantId, id: row.id } }, data: { status: 'canceled', endedAt: input.start } });
      await recordAudit(db, actor, {
        tenantId: input.tenantId, action: 'addon.end', targetType: 'subscription_add_on', targetId: row.id,
        before: { status: 'active' }, after: { status: 'canceled', endedAt: input.start, reason: `not offered by the ${input.planCode} plan` },
      });
      continue;
    }
    if (offered?.get(row.addOnCode) || !row.addOn.prices[0]) continue;
    billed.push(row);
  }
  return billed.map((r) => ({
    resourceType: 'addon', skuId: r.addOn.skuId, description: input.locale === 'zh-CN' ? `附加服务：${r.addOn.nameZh}` : `Add-on: ${r.addOn.name}`,
    quantity: 1, unitPrice: money(r.addOn.prices[0]!.price), periodStart: input.start, periodEnd: input.end,
  }));
}
