import { now } from '../clock';
import { AppError, notFound } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { inTransaction, type Tx } from '../transaction';
import type { PlanTransition } from '../generated/prisma/client';
import type { BillingCycle } from '../generated/prisma/enums';
import { loadQuoteContext } from './context';
import { applyTransitionNow, lockSubscription } from './apply';
import { quotePlanTransition } from './quote';
import type { ConfirmInput, ConfirmResult } from './schema';

function resultOf(t: PlanTransition, requiresManualApproval: boolean): ConfirmResult {
  return {
    id: t.id, state: t.state, requiresManualApproval,
    billingRecordId: t.billingRecordId, creditTransactionId: t.creditTransactionId, effectiveAt: t.effectiveAt.toISOString(),
  };
}

type Outcome = { ok: ConfirmResult } | { stale: 'QUOTE_EXPIRED' | 'QUOTE_CHANGED'; toPlanCode: string; toCycle: BillingCycle | null };

/**
 * Confirms a quote. Idempotent by the transition id: the subscription's row is locked first, so of
 * many concurrent confirms exactly one applies and the others read its result. A quote past its
 * validity, or whose inputs changed since (plan version, period, payments, balance, day), is
 * refused with 409 and a fresh quote in the error's details.
 */
export async function confirmPlanTransition(input: ConfirmInput & { tenantId: string }, actor: Actor, tx?: Tx): Promise<ConfirmResult> {
  const outcome = await inTransaction<Outcome>(tx, async (db) => {
    const found = await db.planTransition.findUnique({ where: { tenantId_id: { tenantId: input.tenantId, id: input.transitionId } }, select: { subscriptionId: true } });
    if (!found) throw notFound('plan transition', 'TRANSITION_NOT_FOUND');
    await lockSubscription(db, input.tenantId, found.subscriptionId);
    const t = await db.planTransition.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: input.tenantId, id: input.transitionId } },
      include: { fromPlan: { select: { name: true, nameZh: true } }, toPlan: { select: { name: true, nameZh: true, requiresManualApproval: true } } },
    });
    if (t.state !== 'quoted') return { ok: resultOf(t, t.toPlan.requiresManualApproval) };
    const at = now();
    if (!t.quoteExpiresAt || t.quoteExpiresAt <= at) return { stale: 'QUOTE_EXPIRED', toPlanCode: t.toPlanCode, toCycle: t.toBillingCycle };
    const ctx = await loadQuoteContext(db, { tenantId: input.tenantId, toPlanCode: t.toPlanCode, toCycle: t.toBillingCycle, at });
    if (ctx.hash !== t.quoteHash || ctx.subscription.id !== t.subscriptionId) return { stale: 'QUOTE_CHANGED', toPlanCode: t.toPlanCode, toCycle: t.toBillingCycle };
    const key = { tenantId_id: { tenantId: input.tenantId, id: t.id } };
    if (t.toPlan.requiresManualApproval || t.prorationMode === 'at_period_end') {
      const state = t.toPlan.requiresManualApproval ? 'waiting_for_approval' : 'creating';
      const updated = await db.planTransition.update({ where: key, data: { state, confirmedAt: at } });
      await recordAudit(db, actor, { tenantId: input.tenantId, action: 'plan_transition.confirm', targetType: 'plan_transition', targetId: t.id, before: { state: t.state }, after: { state, effectiveAt: t.effectiveAt, toCycle: t.toBillingCycle } });
      return { ok: resultOf(updated, t.toPlan.requiresManualApproval) };
    }
    await recordAudit(db, actor, { tenantId: input.tenantId, action: 'plan_transition.confirm', targetType: 'plan_transition', targetId: t.id, before: { state: t.state }, after: { state: 'finished', toCycle: t.toBillingCycle, newPeriodEnd: t.newPeriodEnd } });
    const applied = await applyTransitionNow(db, { ...t, confirmedAt: at }, { from: t.fromPlan, to: t.toPlan }, actor);
    return { ok: resultOf(applied, false) };
  });
  if ('ok' in outcome) return outcome.ok;
  const fresh = await quotePlanTransition({ tenantId: input.tenantId, toPlanCode: outcome.toPlanCode, billingCycle: outcome.toCycle ?? undefined }, actor).catch(() => null);
  const message = outcome.stale === 'QUOTE_EXPIRED'
    ? 'this quote has expired; review the new quote and confirm again'
    : 'the amounts changed since this quote was made; review the new quote and confirm again';
  throw new AppError('CONFLICT', outcome.stale, message, fresh ? [{ newQuote: fresh }] : []);
}
