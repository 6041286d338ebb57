import { prisma } from '../db';
import { badRequest, notFound } from '../errors';
import type { Actor } from '../audit/actor';
import { money } from '../money';
import { cyclePrice } from './context';
import { confirmPlanTransition } from './confirm';
import { quotePlanTransition } from './quote';
import type { F5TransitionBody } from './schema';

type F5State = 'STATE_UNSPECIFIED' | 'STATE_CREATING' | 'STATE_FAILED' | 'STATE_FINISHED' | 'STATE_WAITING_FOR_APPROVAL';

/** Our states in F5's plan_transition.State: an unconfirmed quote is still being created; a cancelled one failed. */
export function f5State(state: string): F5State {
  switch (state) {
    case 'quoted': case 'creating': return 'STATE_CREATING';
    case 'finished': return 'STATE_FINISHED';
    case 'waiting_for_approval': return 'STATE_WAITING_FOR_APPROVAL';
    case 'failed': case 'canceled': return 'STATE_FAILED';
    default: return 'STATE_UNSPECIFIED';
  }
}

/** The stored F5 payload never keeps the payment token. */
function storedPayload(payload: F5TransitionBody['payload']) {
  const { payment_provider_token: _token, billing_provider_account_id: _a, tp_subscription_id: _b, ...rest } = payload;
  return rest;
}

/**
 * F5 op 9 (`POST …/billing/plan_transition`): the confirm step. With `quote_id` (our extension) it
 * confirms that quote; without, it quotes and confirms at once. Either way through the portal's
 * confirm, so proration, charge and credit are the same. A paid plan needs a payment token unless
 * the tenant has an active payment method (TRANSITION_REQUIRED_FIELD_PAYMENT_TOKEN).
 */
export async function transitionFromF5(body: F5TransitionBody, tenantId: string, actor: Actor) {
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true } });
  const sub = await prisma.subscription.findFirst({ where: { tenantId, endedAt: null }, orderBy: { startedAt: 'desc' }, select: { billingCycle: true } });
  if (sub) {
    const price = await prisma.$transaction((db) => cyclePrice(db, body.new_plan, tenant.currency, body.payload.billing_cycle ?? sub.billingCycle)).catch(() => null);
    if (price && money(price).gt(0) && !body.payload.payment_provider_token) {
      const methods = await prisma.paymentMethod.count({ where: { tenantId, status: 'active' } });
      if (methods === 0) throw badRequest('payload.payment_provider_token is required for a paid plan when no payment method is on file', 'PAYMENT_TOKEN_REQUIRED');
    }
  }
  let transitionId = body.quote_id;
  if (transitionId) {
    const quote = await prisma.planTransition.findUnique({ where: { tenantId_id: { tenantId, id: transitionId } }, select: { toPlanCode: true, toBillingCycle: true } });
    if (!quote) throw notFound('plan transition', 'TRANSITION_NOT_FOUND');
    if (quote.toPlanCode !== body.new_plan) throw badRequest('quote_id is a quote for another plan', 'QUOTE_PLAN_MISMATCH');
    if (body.payload.billing_cycle && quote.toBillingCycle && quote.toBillingCycle !== body.payload.billing_cycle) throw badRequest('quote_id is a quote for another billing cycle', 'QUOTE_PLAN_MISMATCH');
  } else {
    transitionId = (await quotePlanTransition({ tenantId, toPlanCode: body.new_plan, billingCycle: body.payload.billing_cycle, payload: storedPayload(body.payload) }, actor)).id;
  }
  const result = await confirmPlanTransition({ tenantId, transitionId }, actor);
  return { id: result.id, requires_manual_approval: result.requiresManualApproval };
}

/** F5 op 8 (`GET /no_auth/…/plan_transition?id=`): the state of the caller's own transition, nothing else. */
export async function transitionStateForF5(tenantId: string, id: string): Promise<{ state: F5State }> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id.toLowerCase() : null;
  const t = uuid ? await prisma.planTransition.findUnique({ where: { tenantId_id: { tenantId, id: uuid } }, select: { state: true } }) : null;
  if (!t) throw notFound('plan transition', 'TRANSITION_NOT_FOUND');
  return { state: f5State(t.state) };
}
