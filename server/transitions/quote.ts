import { randomUUID } from 'node:crypto';
import { now } from '../clock';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { inTransaction, type Tx } from '../transaction';
import { money, toDecimalString } from '../money';
import { localDateString } from '../time/zoned';
import type { PlanTransition } from '../generated/prisma/client';
import type { BillingCycle } from '../generated/prisma/enums';
import { loadQuoteContext, QUOTE_VALIDITY_MS } from './context';
import type { PlanTransitionQuote, QuoteInput } from './schema';

type Named = { code: string; name: string; nameZh: string };
type Row = PlanTransition & { fromPlan: Named; toPlan: Named; tenant: { locale: string; taxRate: unknown; billingTimezone: string }; subscription: { billingCycle: BillingCycle } };

export const TRANSITION_VIEW_INCLUDE = {
  fromPlan: { select: { code: true, name: true, nameZh: true, requiresManualApproval: true } },
  toPlan: { select: { code: true, name: true, nameZh: true, requiresManualApproval: true } },
  tenant: { select: { locale: true, taxRate: true, billingTimezone: true } },
  subscription: { select: { billingCycle: true } },
} as const;

const line = (amount: unknown, tax: unknown) => {
  const a = money(amount as string);
  const t = money(tax as string);
  return { amount: toDecimalString(a), tax: toDecimalString(t), total: toDecimalString(a.plus(t)) };
};

/** A stored transition as the quote a person reads: every amount is the stored one, to the minor unit. */
export function toQuoteView(row: Row & { toPlan: Named & { requiresManualApproval: boolean } }): PlanTransitionQuote {
  const zh = row.tenant.locale === 'zh-CN';
  const unusedTotal = money(row.creditAmount).plus(money(row.creditTaxAmount));
  const chargeTotal = money(row.chargeAmount).plus(money(row.chargeTaxAmount));
  const net = chargeTotal.minus(unusedTotal);
  return {
    id: row.id,
    state: row.state,
    fromPlan: { code: row.fromPlan.code, name: zh ? row.fromPlan.nameZh : row.fromPlan.name, price: toDecimalString(row.fromPrice), version: row.fromPlanVersion },
    toPlan: { code: row.toPlan.code, name: zh ? row.toPlan.nameZh : row.toPlan.name, price: toDecimalString(row.toPrice), version: row.toPlanVersion },
    direction: row.direction,
    mode: row.prorationMode,
    currency: row.currency,
    taxRate: toDecimalString(row.tenant.taxRate as string),
    periodStart: row.periodStart.toISOString(),
    periodEnd: row.periodEnd.toISOString(),
    periodDays: row.periodDays,
    remainingDays: row.remainingDays,
    effectiveAt: row.effectiveAt.toISOString(),
    effectiveDate: localDateString(row.effectiveAt, row.tenant.billingTimezone),
    // Rows quoted before cycles were stored kept the subscription's cycle.
    fromBillingCycle: row.fromBillingCycle ?? row.subscription.billingCycle,
    toBillingCycle: row.toBillingCycle ?? row.fromBillingCycle ?? row.subscription.billingCycle,
    newPeriodEnd: row.newPeriodEnd?.toISOString() ?? null,
    unused: line(row.creditAmount, row.creditTaxAmount),
    charge: line(row.chargeAmount, row.chargeTaxAmount),
    net: toDecimalString(net),
    creditApplied: toDecimalString(row.creditAppliedAmount),
    amountDue: toDecimalString(row.amountDue),
    creditToLedger: toDecimalString(net.lt(0) ? net.negated() : 0),
    requiresManualApproval: row.toPlan.requiresManualApproval,
    expiresAt: (row.quoteExpiresAt ?? row.createdAt).toISOString(),
    quoteHash: row.quoteHash ?? '',
  };
}

/**
 * Quotes a plan change for the tenant's live subscription and keeps the quote (state `quoted`,
 * valid QUOTE_VALIDITY_MS): confirming it later moves exactly these amounts or is refused.
 */
export function quotePlanTransition(input: QuoteInput & { tenantId: string; payload?: unknown }, actor: Actor, tx?: Tx): Promise<PlanTransitionQuote> {
  return inTransaction(tx, async (db) => {
    const at = now();
    const ctx = await loadQuoteContext(db, { tenantId: input.tenantId, toPlanCode: input.toPlanCode, toCycle: input.billingCycle, at });
    const p = ctx.proration;
    const row = await db.planTransition.create({
      data: {
        tenantId: input.tenantId, id: randomUUID(), subscriptionId: ctx.subscription.id,
        fromPlanCode: ctx.fromPlan.code, toPlanCode: ctx.toPlan.code, fromPlanVersion: ctx.subscription.planVersion, toPlanVersion: ctx.toPlan.version,
        direction: ctx.direction, state: 'quoted', prorationMode: ctx.mode, effectiveAt: p.effectiveAt,
        periodStart: ctx.subscription.currentPeriodStart, periodEnd: ctx.subscription.currentPeriodEnd, periodDays: p.periodDays, remainingDays: p.remainingDays,
        currency: ctx.tenant.currency, fromPrice: ctx.fromPrice, toPrice: ctx.toPrice,
        fromBillingCycle: ctx.fromCycle, toBillingCycle: ctx.toCycle, newPeriodEnd: p.newPeriodEnd,
        creditAmount: p.unused.amount, creditTaxAmount: p.unused.tax, chargeAmount: p.charge.amount, chargeTaxAmount: p.charge.tax,
        creditAppliedAmount: p.creditApplied, amountDue: p.amountDue,
        quoteHash: ctx.hash, quoteExpiresAt: new Date(at.getTime() + QUOTE_VALIDITY_MS),
        requestedByUserId: actor.kind === 'api_key' ? null : actor.userId, requestedByApiKeyId: actor.apiKeyId,
        payload: (input.payload ?? undefined) as never, createdAt: at,
      },
      include: TRANSITION_VIEW_INCLUDE,
    });
    await recordAudit(db, actor, {
      tenantId: input.tenantId, action: 'plan_transition.quote', targetType: 'plan_transition', targetId: row.id,
      after: { from: ctx.fromPlan.code, to: ctx.toPlan.code, fromCycle: ctx.fromCycle, toCycle: ctx.toCycle, newPeriodEnd: p.newPeriodEnd, mode: ctx.mode, net: toDecimalString(p.net), amountDue: toDecimalString(p.amountDue), r: p.remainingDays, n: p.periodDays },
    });
    return toQuoteView(row);
  });
}
