import { createHash } from 'node:crypto';
import type { Tx } from '../transaction';
import { badRequest, conflict, notFound } from '../errors';
import { money, sum, toDecimalString, type Decimal } from '../money';
import { getCreditBalance } from '../credits/ledger';
import type { BillingCycle, PlanTransitionDirection, ProrationMode } from '../generated/prisma/enums';
import { prorate, type Proration } from './proration';

export const QUOTE_VALIDITY_MS = 15 * 60_000;

const PLAN_FIELDS = { code: true, name: true, nameZh: true, rank: true, version: true, active: true, requiresManualApproval: true, upgradeProration: true, downgradeProration: true } as const;

/** Everything a quote depends on, read in one transaction; `hash` changes when any input does. */
export type QuoteContext = Awaited<ReturnType<typeof loadQuoteContext>>;

/** The plan's price for a cycle in a currency: `price` for the plan's own cycle, `yearlyPrice` for the yearly option. */
export async function cyclePrice(db: Tx, planCode: string, currency: string, cycle: 'monthly' | 'yearly'): Promise<Decimal> {
  const row = await db.planPrice.findUnique({ where: { planCode_currency: { planCode, currency } }, select: { price: true, yearlyPrice: true, plan: { select: { billingCycle: true } } } });
  // A plan sold yearly by default keeps its yearly price in `price`; `yearlyPrice` is the yearly option of a monthly plan.
  const price = row?.plan.billingCycle === cycle ? row.price : cycle === 'yearly' ? row?.yearlyPrice : null;
  if (!price) throw notFound(`plan price in ${currency}`, 'PLAN_PRICE_NOT_FOUND');
  return money(price);
}

/**
 * What is left of what was paid for the subscription's current period: the lines for this period of
 * its period invoice and proration invoices (a change of cycle's invoice credits the old period on a
 * line of its own, so only its charge counts for the new period), plus a change of cycle's charge
 * paid from the unused value without an invoice, less what proration credits already gave back
 * (DOMAIN.md lessons: consecutive changes never credit more than was paid).
 */
export async function paidRemaining(db: Tx, tenantId: string, subscriptionId: string, periodEnd: Date) {
  // Sequential: a transaction has one connection, and pg refuses overlapping queries on it from v9.
  const lines = await db.billingLineItem.findMany({
    where: { tenantId, billingRecord: { is: { subscriptionId, periodEnd, type: { in: ['subscription', 'proration'] }, status: { notIn: ['void', 'draft'] } } }, OR: [{ periodEnd: null }, { periodEnd }] },
    select: { amount: true, taxAmount: true },
  });
  const credits = await db.planTransition.findMany({ where: { tenantId, subscriptionId, periodEnd, state: 'finished', creditTransactionId: { not: null } }, select: { creditAmount: true, chargeAmount: true, creditTaxAmount: true, chargeTaxAmount: true } });
  const netted = await db.planTransition.findMany({ where: { tenantId, subscriptionId, newPeriodEnd: periodEnd, state: 'finished', billingRecordId: null }, select: { chargeAmount: true, chargeTaxAmount: true } });
  return {
    amount: sum(lines.map((l) => l.amount)).plus(sum(netted.map((n) => n.chargeAmount))).minus(sum(credits.map((c) => money(c.creditAmount).minus(money(c.chargeAmount))))),
    tax: sum(lines.map((l) => l.taxAmount)).plus(sum(netted.map((n) => n.chargeTaxAmount))).minus(sum(credits.map((c) => money(c.creditTaxAmount).minus(money(c.chargeTaxAmount))))),
  };
}

function modeFor(direction: PlanTransitionDirection, from: { downgradeProration: string }, to: { upgradeProration: string }): ProrationMode {
  if (direction === 'upgrade') return to.upgradeProration as ProrationMode;
  if (direction === 'downgrade') return from.downgradeProration as ProrationMode;
  return 'prorate_now';
}

/**
 * A change of billing cycle cannot be prorated over the old period (the new price is for another
 * length): to yearly it applies now (credit the unused part, charge a full year from today); to
 * monthly it is a downgrade and follows the current plan's downgrade setting: at the period's end
 * (scheduled, cancellable) unless that says now with a credit.
 */
function cycleModeFor(toCycle: BillingCycle, from: { downgradeProration: string }): ProrationMode {
  if (toCycle === 'yearly') return 'prorate_now';
  return from.downgradeProration === 'prorate_now_credit' ? 'prorate_now_credit' : 'at_period_end';
}

/**
 * Reads the live subscription, the target plan, the period's payments and the credit balance, and
 * prorates at `at`. `ignoreTransitionId` lets an approval re-quote its own waiting transition.
 */
export async function loadQuoteContext(db: Tx, args: { tenantId: string; toPlanCode: string; toCycle?: BillingCycle | null; at: Date; ignoreTransitionId?: string }) {
  const { tenantId, at } = args;
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true, taxRate: true, billingTimezone: true, locale: true } });
  const subscription = await db.subscription.findFirst({
    where: { tenantId, endedAt: null }, orderBy: { startedAt: 'desc' },
    include: { plan: { select: PLAN_FIELDS } },
  });
  if (!subscription) throw conflict('the tenant has no subscription to change', 'NO_SUBSCRIPTION');
  const toPlan = await db.plan.findUnique({ where: { code: args.toPlanCode }, select: PLAN_FIELDS });
  if (!toPlan?.active) throw notFound('plan', 'PLAN_NOT_FOUND');
  const fromCycle = subscription.billingCycle;
  const toCycle = args.toCycle ?? fromCycle;
  const cycleChange = toCycle !== fromCycle;
  if (toPlan.code === subscription.planCode && !cycleChange) throw badRequest('the subscription is already on this plan and cycle', 'SAME_PLAN');
  const pending = await db.planTransition.findFirst({
    where: { tenantId, subscriptionId: subscription.id, state: { in: ['creating', 'waiting_for_approval'] }, ...(args.ignoreTransitionId ? { id: { not: args.ignoreTransitionId } } : {}) },
    select: { id: true },
  });
  if (pending) throw conflict('another plan change is scheduled or waiting for approval; cancel it first', 'TRANSITION_PENDING');
  const toPrice = await cyclePrice(db, toPlan.code, tenant.currency, toCycle);
  const fromPrice = money(subscription.amount);
  const direction: PlanTransitionDirection = toPlan.rank > subscription.plan.rank ? 'upgrade' : toPlan.rank < subscription.plan.rank ? 'downgrade'
    : cycleChange ? (toCycle === 'yearly' ? 'upgrade' : 'downgrade') : 'lateral';
  const mode = cycleChange ? cycleModeFor(toCycle, subscription.plan) : modeFor(direction, subscription.plan, toPlan);
  const [paid, balance] = await Promise.all([paidRemaining(db, tenantId, subscription.id, subscription.currentPeriodEnd), getCreditBalance(tenantId, db)]);
  const proration: Proration = prorate({
    currency: tenant.currency, taxRate: tenant.taxRate, timeZone: tenant.billingTimezone,
    periodStart: subscription.currentPeriodStart, periodEnd: subscription.currentPeriodEnd, at,
    fromPrice, toPrice, mode, trialing: subscription.status === 'trialing', paidRemaining: paid, creditBalance: balance.balance,
    newCycle: cycleChange ? toCycle : undefined,
  });
  const hash = createHash('sha256').update(JSON.stringify([
    subscription.id, subscription.planCode, subscription.planVersion, toDecimalString(fromPrice), subscription.status,
    subscription.currentPeriodStart.toISOString(), subscription.currentPeriodEnd.toISOString(),
    toPlan.code, toPlan.version, toDecimalString(toPrice), mode, toDecimalString(tenant.taxRate), tenant.billingTimezone,
    toDecimalString(paid.amount), toDecimalString(paid.tax), toDecimalString(balance.balance),
    proration.periodDays, proration.remainingDays, proration.effectiveAt.toISOString(),
    fromCycle, toCycle, proration.newPeriodEnd?.toISOString() ?? null,
  ])).digest('hex');
  return { tenant, subscription, fromPlan: subscription.plan, toPlan, fromPrice, toPrice, fromCycle, toCycle, direction, mode, proration, hash };
}
