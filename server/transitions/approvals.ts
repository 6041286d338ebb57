import { now } from '../clock';
import { prisma } from '../db';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { conflict, notFound } from '../errors';
import { inTransaction, type Tx } from '../transaction';
import { toDecimalString } from '../money';
import { applyTransitionNow, lockSubscription } from './apply';
import { loadQuoteContext } from './context';

/** Staff admins' queue: every transition waiting for approval, oldest first, across tenants. */
export async function listPendingApprovals() {
  const rows = await prisma.planTransition.findMany({
    where: { state: 'waiting_for_approval' }, orderBy: { confirmedAt: 'asc' }, take: 200,
    include: { tenant: { select: { name: true } }, fromPlan: { select: { name: true } }, toPlan: { select: { name: true } } },
  });
  return rows.map((t) => ({
    id: t.id, tenantId: t.tenantId, tenantName: t.tenant.name, fromPlan: t.fromPlan.name, toPlan: t.toPlan.name,
    currency: t.currency, toPrice: toDecimalString(t.toPrice), requestedAt: (t.confirmedAt ?? t.createdAt).toISOString(),
  }));
}

async function lockWaiting(db: Tx, transitionId: string) {
  const found = await db.planTransition.findFirst({ where: { id: transitionId }, select: { tenantId: true, subscriptionId: true } });
  if (!found) throw notFound('plan transition', 'TRANSITION_NOT_FOUND');
  await lockSubscription(db, found.tenantId, found.subscriptionId);
  const t = await db.planTransition.findUniqueOrThrow({
    where: { tenantId_id: { tenantId: found.tenantId, id: transitionId } },
    include: { fromPlan: { select: { name: true, nameZh: true } }, toPlan: { select: { name: true, nameZh: true } } },
  });
  if (t.state !== 'waiting_for_approval') throw conflict('this plan change is not waiting for approval', 'TRANSITION_NOT_WAITING');
  return t;
}

/**
 * Approves a waiting change: it is prorated as of the approval day (the day it takes effect) and
 * applied, or scheduled for the period's end when the catalog says so.
 */
export function approvePlanTransition(input: { transitionId: string }, actor: Actor, tx?: Tx) {
  return inTransaction(tx, async (db) => {
    const t = await lockWaiting(db, input.transitionId);
    const at = now();
    const ctx = await loadQuoteContext(db, { tenantId: t.tenantId, toPlanCode: t.toPlanCode, toCycle: t.toBillingCycle, at, ignoreTransitionId: t.id });
    const p = ctx.proration;
    const requoted = await db.planTransition.update({
      where: { tenantId_id: { tenantId: t.tenantId, id: t.id } },
      data: {
        approvedByUserId: actor.userId, approvedAt: at, prorationMode: ctx.mode, effectiveAt: p.effectiveAt,
        fromPrice: ctx.fromPrice, toPrice: ctx.toPrice, fromPlanVersion: ctx.subscription.planVersion, toPlanVersion: ctx.toPlan.version,
        periodStart: ctx.subscription.currentPeriodStart, periodEnd: ctx.subscription.currentPeriodEnd, periodDays: p.periodDays, remainingDays: p.remainingDays,
        fromBillingCycle: ctx.fromCycle, toBillingCycle: ctx.toCycle, newPeriodEnd: p.newPeriodEnd,
        creditAmount: p.unused.amount, creditTaxAmount: p.unused.tax, chargeAmount: p.charge.amount, chargeTaxAmount: p.charge.tax,
        creditAppliedAmount: p.creditApplied, amountDue: p.amountDue, quoteHash: ctx.hash,
        ...(ctx.mode === 'at_period_end' ? { state: 'creating' as const } : {}),
      },
    });
    await recordAudit(db, actor, { tenantId: t.tenantId, action: 'plan_transition.approve', targetType: 'plan_transition', targetId: t.id, before: { state: t.state }, after: { mode: ctx.mode, net: toDecimalString(p.net) } });
    if (ctx.mode === 'at_period_end') return { id: t.id, state: requoted.state };
    const applied = await applyTransitionNow(db, requoted, { from: t.fromPlan, to: t.toPlan }, actor);
    return { id: t.id, state: applied.state };
  });
}

export function rejectPlanTransition(input: { transitionId: string; reason: string }, actor: Actor, tx?: Tx) {
  return inTransaction(tx, async (db) => {
    const t = await lockWaiting(db, input.transitionId);
    const updated = await db.planTransition.update({ where: { tenantId_id: { tenantId: t.tenantId, id: t.id } }, data: { state: 'canceled', failureReason: input.reason } });
    await recordAudit(db, actor, { tenantId: t.tenantId, action: 'plan_transition.reject', targetType: 'plan_transition', targetId: t.id, before: { state: t.state }, after: { state: 'canceled', reason: input.reason } });
    return { id: updated.id, state: updated.state };
  });
}
