import { now } from '../clock';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import type { Tx } from '../transaction';
import { money, toDecimalString } from '../money';
import { issueInvoice } from '../billing/issue-invoice';
import { creditProration } from '../credits/proration-credit';
import type { PlanTransition } from '../generated/prisma/client';

const LINE_WORDS = {
  'zh-CN': { cycle: (plan: string, cycle: string) => `${plan}${cycle === 'yearly' ? '年度' : '月度'}订阅（新周期）`, charge: (plan: string, r: number, n: number) => `${plan}按比例费用（${r}/${n} 天）`, unused: (plan: string, r: number, n: number) => `${plan}未使用部分（${r}/${n} 天）`, record: (from: string, to: string) => `套餐变更：${from} → ${to}` },
  en: { cycle: (plan: string, cycle: string) => `${plan} ${cycle} subscription (new period)`, charge: (plan: string, r: number, n: number) => `${plan}, prorated (${r}/${n} days)`, unused: (plan: string, r: number, n: number) => `Unused ${plan} (${r}/${n} days)`, record: (from: string, to: string) => `Plan change: ${from} → ${to}` },
} as const;

type Names = { from: { name: string; nameZh: string }; to: { name: string; nameZh: string } };

/**
 * Applies a transition whose amounts are stored on its row, now, inside the caller's transaction
 * (which holds the subscription's row lock): the plan changes, a positive net is billed as a
 * `proration` invoice (settled from credit as far as it goes), a negative net becomes a proration
 * credit. The row's amounts are the quote's, so what moves equals what was shown.
 */
export async function applyTransitionNow(db: Tx, t: PlanTransition, names: Names, actor: Actor) {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: t.tenantId }, select: { locale: true } });
  const words = tenant.locale === 'zh-CN' ? LINE_WORDS['zh-CN'] : LINE_WORDS.en;
  const plan = (p: { name: string; nameZh: string }) => (tenant.locale === 'zh-CN' ? p.nameZh : p.name);
  const at = now();
  const net = money(t.chargeAmount).plus(money(t.chargeTaxAmount)).minus(money(t.creditAmount)).minus(money(t.creditTaxAmount));
  let billingRecordId: string | null = null;
  let creditTransactionId: string | null = null;
  // A change of cycle bills the new cycle's full price for the new period (anchor moved to the effective day).
  const chargeEnd = t.newPeriodEnd ?? t.periodEnd;
  const chargeWords = t.newPeriodEnd && t.toBillingCycle ? words.cycle(plan(names.to), t.toBillingCycle) : words.charge(plan(names.to), t.remainingDays, t.periodDays);
  if (net.gt(0)) {
    const lines = [
      { resourceType: 'subscription', description: chargeWords, quantity: 1, unitPrice: money(t.chargeAmount), periodStart: t.effectiveAt, periodEnd: chargeEnd },
      ...(money(t.creditAmount).gt(0) ? [{ resourceType: 'subscription', description: words.unused(plan(names.from), t.remainingDays, t.periodDays), quantity: 1, unitPrice: money(t.creditAmount).negated(), periodStart: t.effectiveAt, periodEnd: t.periodEnd }] : []),
    ];
    const record = await issueInvoice({
      tenantId: t.tenantId, type: 'proration', subscriptionId: t.subscriptionId, periodStart: t.effectiveAt, periodEnd: chargeEnd,
      description: words.record(plan(names.from), plan(names.to)), lines,
    }, actor, db);
    billingRecordId = record.id;
  } else if (net.lt(0)) {
    const entry = await creditProration({ tenantId: t.tenantId, subscriptionId: t.subscriptionId, amount: net.negated(), locale: tenant.locale }, actor.userId, db);
    creditTransactionId = entry.id;
  }
  await switchPlan(db, t, actor);
  const updated = await db.planTransition.update({
    where: { tenantId_id: { tenantId: t.tenantId, id: t.id } },
    data: { state: 'finished', appliedAt: at, confirmedAt: t.confirmedAt ?? at, billingRecordId, creditTransactionId },
  });
  await recordAudit(db, actor, {
    tenantId: t.tenantId, action: 'plan_transition.apply', targetType: 'plan_transition', targetId: t.id,
    before: { plan: t.fromPlanCode, state: t.state },
    after: { plan: t.toPlanCode, state: 'finished', net: toDecimalString(net), billingRecordId, creditTransactionId },
  });
  return updated;
}

/**
 * The subscription moves to the new plan at the transition's price, version and cycle; a change of
 * cycle applied now also starts the new period on the effective day, which becomes the anchor.
 */
async function switchPlan(db: Tx, t: PlanTransition, actor: Actor) {
  const before = await db.subscription.findUniqueOrThrow({
    where: { tenantId_id: { tenantId: t.tenantId, id: t.subscriptionId } },
    select: { planCode: true, amount: true, planVersion: true, billingCycle: true, currentPeriodStart: true, currentPeriodEnd: true },
  });
  const period = t.newPeriodEnd ? { currentPeriodStart: t.effectiveAt, currentPeriodEnd: t.newPeriodEnd, billingAnchorAt: t.effectiveAt } : {};
  const billingCycle = t.toBillingCycle ?? before.billingCycle;
  await db.subscription.update({
    where: { tenantId_id: { tenantId: t.tenantId, id: t.subscriptionId } },
    data: { planCode: t.toPlanCode, amount: t.toPrice, planVersion: t.toPlanVersion, billingCycle, ...period },
  });
  await recordAudit(db, actor, {
    tenantId: t.tenantId, action: 'subscription.change_plan', targetType: 'subscription', targetId: t.subscriptionId,
    before: { planCode: before.planCode, amount: toDecimalString(before.amount), planVersion: before.planVersion, billingCycle: before.billingCycle, currentPeriodStart: before.currentPeriodStart, currentPeriodEnd: before.currentPeriodEnd },
    after: { planCode: t.toPlanCode, amount: toDecimalString(t.toPrice), planVersion: t.toPlanVersion, billingCycle, ...period, transitionId: t.id },
  });
}

/** Locks the subscription's row for the rest of the transaction: changes to one subscription queue. */
export async function lockSubscription(db: Tx, tenantId: string, subscriptionId: string) {
  await db.$queryRaw`SELECT id FROM subscriptions WHERE tenant_id = ${tenantId} AND id = ${subscriptionId} FOR UPDATE`;
}

/**
 * The renewal's hook: a downgrade scheduled for the period's end switches the plan before the next
 * period is invoiced (called under the renewal's row lock). Returns whether one applied.
 */
export async function applyDueScheduledTransition(db: Tx, tenantId: string, subscriptionId: string, at: Date, actor: Actor): Promise<boolean> {
  const due = await db.planTransition.findFirst({
    where: { tenantId, subscriptionId, state: 'creating', confirmedAt: { not: null }, effectiveAt: { lte: at } },
    orderBy: { effectiveAt: 'asc' },
  });
  if (!due) return false;
  await switchPlan(db, due, actor);
  await db.planTransition.update({ where: { tenantId_id: { tenantId, id: due.id } }, data: { state: 'finished', appliedAt: at } });
  await recordAudit(db, actor, { tenantId, action: 'plan_transition.apply', targetType: 'plan_transition', targetId: due.id, before: { state: 'creating' }, after: { state: 'finished', plan: due.toPlanCode } });
  return true;
}
