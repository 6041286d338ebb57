import { expect } from 'vitest';
import type { Caller, Fixture, IsolationCases, Mode } from '../../test/isolation';
import { SYSTEM_ACTOR } from '../audit/actor';
import { prisma } from '../db';
import { quotePlanTransition } from './quote';

/** One of A's transitions, for the calls that target A's real data. */
async function transitionOfA(fx: Fixture): Promise<string> {
  const found = await prisma.planTransition.findFirst({ where: { tenantId: fx.A.tenant.id }, select: { id: true } });
  if (found) return found.id;
  const sub = await prisma.subscription.findFirstOrThrow({ where: { tenantId: fx.A.tenant.id, endedAt: null }, select: { planCode: true } });
  return (await quotePlanTransition({ tenantId: fx.A.tenant.id, toPlanCode: sub.planCode === 'free' ? 'starter' : 'free' }, SYSTEM_ACTOR)).id;
}

/**
 * A confirmable change for the caller's own tenant (any scheduled one is cancelled first): a
 * downgrade to free at the period's end, so confirming it leaves the plan as it was for the other cases.
 */
async function freshQuote(c: Caller) {
  const plans = await c.catalog.plans();
  if (plans.pending) await c.planTransitions.cancelScheduled({ transitionId: plans.pending.id });
  return c.planTransitions.quote({ toPlanCode: plans.currentPlanCode === 'free' ? 'starter' : 'free' });
}

/** A scheduled downgrade (to free at the period's end) of the caller's own tenant. */
async function scheduled(c: Caller): Promise<string> {
  const plans = await c.catalog.plans();
  if (plans.pending) return plans.pending.id;
  if (plans.currentPlanCode === 'free') await c.planTransitions.confirm({ transitionId: (await c.planTransitions.quote({ toPlanCode: 'starter' })).id });
  const q = await c.planTransitions.quote({ toPlanCode: 'free' });
  await c.planTransitions.confirm({ transitionId: q.id });
  return q.id;
}

const ownedByA = async (id: string, fx: Fixture) => {
  const row = await prisma.planTransition.findFirstOrThrow({ where: { id } });
  expect(row.tenantId).toBe(fx.A.tenant.id);
};
const pick = (mode: Mode, fx: Fixture, own: () => Promise<string>) => (mode === 'denied' ? transitionOfA(fx) : own());

/** How each `planTransitions.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const planTransitionsIsolationCases: IsolationCases = {
  'planTransitions.quote': {
    kind: 'tenant', type: 'mutation', minRole: 'billing', run: (c) => freshQuote(c),
    ownsA: (r: { id: string; currency: string }, fx) => { expect(r.currency).toBe('CNY'); return ownedByA(r.id, fx); },
  },
  'planTransitions.confirm': {
    kind: 'tenant', type: 'mutation', minRole: 'billing',
    run: async (c, fx, mode) => c.planTransitions.confirm({ transitionId: await pick(mode, fx, async () => (await freshQuote(c)).id) }),
    ownsA: (r: { id: string }, fx) => ownedByA(r.id, fx),
  },
  'planTransitions.cancelScheduled': {
    kind: 'tenant', type: 'mutation', minRole: 'billing',
    run: async (c, fx, mode) => c.planTransitions.cancelScheduled({ transitionId: await pick(mode, fx, () => scheduled(c)) }),
    ownsA: async (r: { id: string; state: string }, fx) => { expect(r.state).toBe('canceled'); await ownedByA(r.id, fx); },
  },
};
