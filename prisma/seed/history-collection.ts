/**
 * Collection in the demo year: the tenants put payment methods on file (tokenized by the sandbox
 * processor, added through the payment-methods domain), and the replay's collection job charges
 * their invoices. Acme's primary card is declined, so its renewals fail on the primary and are paid
 * by the secondary; finance refunds one of them to the card; later Acme removes the working card,
 * a renewal fails every dunning step (past_due, the invoice `failed`, then suspended after grace),
 * and Acme wires the money: finance settles the transfer (the subscription is active again) and
 * Acme puts a new card on file as its secondary. A workshop invoice finance raised while only the
 * declined card was on file had failed every step; the new card makes the invoice-retry job charge
 * it again (the declined primary, then the new secondary), and it is paid. Near the end of the
 * history Acme removes that card too (history-discounts.ts), and a training day finance invoices
 * then fails every step with no card added after it: the one past-due (`failed`) invoice of the demo.
 */
import { settleBankTransfer, refundInvoice } from '../../server/collection/finance';
import { createDraftInput, refundInput, settleInput } from '../../server/collection/schema';
import { createDraftInvoice, finalizeInvoice } from '../../server/collection/drafts';
import { prisma } from '../../server/db';
import { addPaymentMethod, removePaymentMethod } from '../../server/payment-methods/payment-methods';
import { addPaymentMethodInput } from '../../server/payment-methods/schema';
import { tokenizeCard, tokenizeWallet } from '../../server/payments/sandbox-provider';
import { endDay, LAST_DAYS } from './history-discounts';
import type { ScriptedEvent, ScriptedEventContext } from './scripted-event';

const DECLINED = '4000000000000002';
const OK = '4242424242424242';
/** From this day Acme pays by card (its bank transfers stop the day before: history-lifecycle.ts). */
export const ACME_CARDS_DAY = 45;

function addCard({ tenant, at }: ScriptedEventContext, number: string, role: 'primary' | 'secondary', holder: string) {
  const { token } = tokenizeCard({ number, expMonth: 12, expYear: at.getUTCFullYear() + 4, cvc: '123', holder });
  return addPaymentMethod({ tenantId: tenant.tenant.id, ...addPaymentMethodInput.parse({ token, role }) }, tenant.ownerActor);
}

/** The latest invoice the card paid (a succeeded sandbox charge): the one finance refunds. */
async function latestCardPaid(tenantId: string) {
  const charge = await prisma.paymentAttempt.findFirst({
    where: { tenantId, kind: 'charge', status: 'succeeded', provider: 'sandbox', billingRecord: { status: 'paid' } },
    orderBy: { createdAt: 'desc' }, select: { billingRecordId: true },
  });
  return charge?.billingRecordId ?? null;
}

async function refundOneCardPaymentOnce({ tenant, financeActor }: ScriptedEventContext) {
  const tenantId = tenant.tenant.id;
  if (await prisma.billingRecord.count({ where: { tenantId, status: 'refunded' } })) return null;
  const invoiceId = await latestCardPaid(tenantId);
  if (!invoiceId) return null;
  return refundInvoice(refundInput.parse({ tenantId, invoiceId, to: 'card', reason: 'Goodwill refund after the April outage' }), financeActor);
}

/** Once Acme's subscription is suspended for the failed renewal: finance settles the wire, Acme adds a new card. */
/** A one-line adjustment invoice from finance, finalized (and so charged) at once. */
async function invoiceAdjustment({ tenant, financeActor }: ScriptedEventContext, description: string, line: string, unitPrice: string, reason: string) {
  const draft = await createDraftInvoice(createDraftInput.parse({
    tenantId: tenant.tenant.id, description, lines: [{ description: line, quantity: '1', unitPrice }], reason,
  }), financeActor);
  return finalizeInvoice({ tenantId: tenant.tenant.id, invoiceId: draft.id }, financeActor);
}

const TRAINING_DAY = 'Extra training day';

/** Once the backup card is gone near the end (history-discounts.ts), once: charged to the declined card only, it fails every step and stays owed. */
async function invoiceTrainingOnce(ctx: ScriptedEventContext) {
  const tenantId = ctx.tenant.tenant.id;
  if (await prisma.paymentMethod.count({ where: { tenantId, status: 'active', role: 'secondary' } })) return null;
  if (await prisma.billingRecord.count({ where: { tenantId, description: TRAINING_DAY } })) return null;
  return invoiceAdjustment(ctx, TRAINING_DAY, 'Remote training day for the new operations team', '300', 'Training day Acme booked for its new operations team');
}

async function settleOverdueOnce(ctx: ScriptedEventContext) {
  const tenantId = ctx.tenant.tenant.id;
  const suspended = await prisma.subscription.findFirst({ where: { tenantId, status: 'suspended', endedAt: null }, select: { id: true } });
  const hasSecondary = await prisma.paymentMethod.count({ where: { tenantId, status: 'active', role: 'secondary' } });
  if (!suspended || hasSecondary > 0) return null;
  const owed = await prisma.billingRecord.findMany({ where: { tenantId, type: 'subscription', status: { in: ['open', 'failed'] } }, select: { id: true, invoiceNumber: true } });
  for (const invoice of owed) {
    await settleBankTransfer(settleInput.parse({ tenantId, invoiceId: invoice.id, reference: `WIRE-${invoice.invoiceNumber ?? invoice.id}`, reason: 'Customer wired the overdue amount' }), ctx.financeActor);
  }
  return addCard(ctx, OK, 'secondary', 'Acme Treasury');
}

export const COLLECTION_EVENTS: ScriptedEvent[] = [
  {
    tenant: 'tnt_acme', day: ACME_CARDS_DAY, hour: 1, label: 'card on file (primary, declined by the bank)',
    run: (ctx) => addCard(ctx, DECLINED, 'primary', 'Acme Corp'),
  },
  {
    tenant: 'tnt_acme', day: ACME_CARDS_DAY, hour: 1, label: 'backup card on file (secondary)',
    run: (ctx) => addCard(ctx, OK, 'secondary', 'Acme Finance'),
  },
  {
    tenant: 'tnt_demo', day: 16, hour: 7, label: 'Alipay as the primary payment method',
    run: ({ tenant }) => addPaymentMethod({
      tenantId: tenant.tenant.id, ...addPaymentMethodInput.parse({ token: tokenizeWallet({ kind: 'alipay', account: 'finance@demo.counterfoil.dev', holder: '演示科技' }).token, role: 'primary' }),
    }, tenant.ownerActor),
  },
  {
    tenant: 'tnt_demo', day: 16, hour: 7, label: 'company card as the secondary',
    run: (ctx) => addCard(ctx, OK, 'secondary', '演示科技有限公司'),
  },
  // Daily from day 150 (Acme's credit is spent by then and its cards pay): finance refunds one card payment, once.
  ...Array.from({ length: 45 }, (_, i): ScriptedEvent => ({
    tenant: 'tnt_acme', day: 150 + i, hour: 5, label: 'finance refunds a card payment', run: refundOneCardPaymentOnce,
  })),
  {
    tenant: 'tnt_acme', day: 200, hour: 1, label: 'the backup card is removed (replaced at the bank)',
    run: async ({ tenant }) => {
      const secondary = await prisma.paymentMethod.findFirstOrThrow({ where: { tenantId: tenant.tenant.id, status: 'active', role: 'secondary' }, select: { name: true } });
      return removePaymentMethod({ tenantId: tenant.tenant.id, name: secondary.name }, tenant.ownerActor);
    },
  },
  {
    // Charged to the declined card only: every dunning step fails and it is `failed`, until the new card below makes the retry pay it.
    tenant: 'tnt_acme', day: 205, hour: 3, label: 'finance invoices an onboarding workshop',
    run: (ctx) => invoiceAdjustment(ctx, 'Onboarding workshop', 'On-site onboarding workshop (half day)', '450', 'Workshop agreed with Acme on the kickoff call'),
  },
  // Daily from day 201: once the failed renewal has suspended the subscription, the wire arrives (once);
  // the new card is a payment-method change, so the next run of the jobs retries the workshop invoice.
  ...Array.from({ length: 60 }, (_, i): ScriptedEvent => ({
    tenant: 'tnt_acme', day: 201 + i, hour: 8, label: 'wire for the overdue invoice, new card', run: settleOverdueOnce,
  })),
  // Daily over the last weeks, acting once after the backup card is removed before the last close.
  ...Array.from({ length: LAST_DAYS }, (_, i): ScriptedEvent => ({
    tenant: 'tnt_acme', day: endDay - LAST_DAYS + i, hour: 3, label: 'finance invoices a training day (past due to this day)', run: invoiceTrainingOnce,
  })),
];
