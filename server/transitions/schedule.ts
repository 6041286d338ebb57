import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { conflict, notFound } from '../errors';
import { inTransaction, type Tx } from '../transaction';
import { prisma } from '../db';
import { lockSubscription } from './apply';
import type { CancelScheduledInput } from './schema';

/** A downgrade scheduled for the period's end, or a change waiting for approval, is cancellable until it applies. */
export function cancelScheduledTransition(input: CancelScheduledInput & { tenantId: string }, actor: Actor, tx?: Tx) {
  return inTransaction(tx, async (db) => {
    const found = await db.planTransition.findUnique({ where: { tenantId_id: { tenantId: input.tenantId, id: input.transitionId } }, select: { subscriptionId: true } });
    if (!found) throw notFound('plan transition', 'TRANSITION_NOT_FOUND');
    await lockSubscription(db, input.tenantId, found.subscriptionId);
    const t = await db.planTransition.findUniqueOrThrow({ where: { tenantId_id: { tenantId: input.tenantId, id: input.transitionId } } });
    if (t.state === 'canceled') return { id: t.id, state: t.state };
    if (t.state !== 'creating' && t.state !== 'waiting_for_approval') throw conflict('only a scheduled or waiting plan change can be cancelled', 'TRANSITION_NOT_CANCELLABLE');
    const updated = await db.planTransition.update({ where: { tenantId_id: { tenantId: t.tenantId, id: t.id } }, data: { state: 'canceled', failureReason: 'canceled by the tenant' } });
    await recordAudit(db, actor, { tenantId: t.tenantId, action: 'plan_transition.cancel', targetType: 'plan_transition', targetId: t.id, before: { state: t.state }, after: { state: 'canceled' } });
    return { id: updated.id, state: updated.state };
  });
}

/** The tenant's scheduled or waiting plan change, if any (the plans page shows it with a cancel button). */
export async function pendingTransition(tenantId: string) {
  const t = await prisma.planTransition.findFirst({
    where: { tenantId, state: { in: ['creating', 'waiting_for_approval'] }, subscription: { endedAt: null } },
    orderBy: { createdAt: 'desc' },
    include: { toPlan: { select: { name: true, nameZh: true } }, tenant: { select: { locale: true } } },
  });
  if (!t) return null;
  return { id: t.id, state: t.state, toPlanCode: t.toPlanCode, toPlanName: t.tenant.locale === 'zh-CN' ? t.toPlan.nameZh : t.toPlan.name, effectiveAt: t.effectiveAt.toISOString(), direction: t.direction };
}
