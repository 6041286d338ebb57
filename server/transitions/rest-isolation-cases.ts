import { expect } from 'vitest';
import type { Fixture } from '../../test/isolation';
import type { RestIsolationCases } from '../../test/rest-isolation';
import { prisma } from '../db';
import { quotePlanTransition } from './quote';

/** The paid plan the tenant is not on (starter ↔ pro), so each run is a real change. */
async function otherPlan(tenantId: string): Promise<string> {
  const current = await prisma.subscription.findFirstOrThrow({ where: { tenantId, endedAt: null }, select: { planCode: true } });
  return current.planCode === 'pro' ? 'starter' : 'pro';
}

const quotesOfA = new WeakMap<Fixture, string>();
/** One quote of A's, made through the domain; B asks for its state by the same id. */
async function quoteOfA(fx: Fixture): Promise<string> {
  const known = quotesOfA.get(fx);
  if (known) return known;
  const quote = await quotePlanTransition({ tenantId: fx.A.tenant.id, toPlanCode: await otherPlan(fx.A.tenant.id) }, fx.A.ownerActor);
  quotesOfA.set(fx, quote.id);
  return quote.id;
}

const transitionBody = async (fx: Fixture, as: 'A' | 'B') => ({ namespace: 'system', new_plan: await otherPlan(fx[as].tenant.id), payload: { payment_provider_token: 'tok_visa_4242' } });

/** How each plan-transition REST operation is scoped (gathered by server/rest/isolation.test.ts). */
export const transitionsRestIsolationCases: RestIsolationCases = {
  'POST /api/web/namespaces/{namespace}/billing/plan_transition/preview': {
    kind: 'scoped',
    call: async (fx, as) => ({ method: 'POST', path: '/api/web/namespaces/system/billing/plan_transition/preview', params: { namespace: 'system' }, body: await transitionBody(fx, as) }),
    ownsA: async (response, fx) => {
      const quote = response.json as { id: string; currency: string };
      expect(quote.currency).toBe(fx.A.tenant.currency);
      expect(await prisma.planTransition.count({ where: { tenantId: fx.A.tenant.id, id: quote.id } })).toBe(1);
    },
  },
  'POST /api/web/namespaces/{namespace}/billing/plan_transition': {
    kind: 'scoped',
    call: async (fx, as) => ({ method: 'POST', path: '/api/web/namespaces/system/billing/plan_transition', params: { namespace: 'system' }, body: await transitionBody(fx, as) }),
    ownsA: async (response, fx) => {
      const { id } = response.json as { id: string };
      expect(await prisma.planTransition.count({ where: { tenantId: fx.A.tenant.id, id } })).toBe(1);
    },
  },
  'GET /no_auth/namespaces/system/billing/plan_transition': {
    kind: 'addressed',
    call: async (fx) => {
      const id = await quoteOfA(fx);
      return { path: `/no_auth/namespaces/system/billing/plan_transition?id=${id}` };
    },
    ownsA: (response) => expect((response.json as { state: string }).state).toMatch(/^STATE_/),
  },
};
