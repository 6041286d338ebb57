/**
 * The subscription lifecycle of the demo year: the opening credits and subscriptions (the demo
 * tenant's pro trial converts after 14 days), customers paying open invoices by bank transfer
 * (a renewal left unpaid goes past_due and is reinstated when paid), Acme cancelling at period end
 * and resuming, and switching auto-renew off and on again.
 */
import { getCreditBalance } from '../../server/credits/ledger';
import { grantCredit } from '../../server/credits/grant-credit';
import { grantCreditInput } from '../../server/credits/schema';
import { prisma } from '../../server/db';
import { money, sum, toDecimalString } from '../../server/money';
import { startSubscription } from '../../server/subscriptions/start-subscription';
import { cancelSubscriptionInput, setAutoRenewInput, startSubscriptionInput } from '../../server/subscriptions/schema';
import { cancelSubscription, resumeSubscription, setAutoRenew } from '../../server/subscriptions/subscription-settings';
import type { DemoTenantId, ScriptedEvent, ScriptedEventContext } from './scripted-event';
import { ACME_CARDS_DAY } from './history-collection';

/** The customer wires what its open invoices still owe beyond its credit, plus a cushion. */
async function payOpenInvoices({ tenant, financeActor }: ScriptedEventContext, cushion: string, remark: string) {
  const tenantId = tenant.tenant.id;
  const open = await prisma.billingRecord.findMany({ where: { tenantId, status: 'open' }, select: { amount: true, creditAppliedAmount: true } });
  const owed = sum(open.map((r) => money(r.amount).minus(money(r.creditAppliedAmount))));
  const { balance } = await getCreditBalance(tenantId);
  const due = owed.minus(balance);
  if (due.lte(0)) return null;
  // The jobs apply it to the open invoices on their next run (and reinstate a past_due subscription).
  return grantCredit({ tenantId, ...grantCreditInput.parse({ amount: toDecimalString(due.plus(money(cushion))), source: 'manual', remark }) }, financeActor);
}

/** Every `every` days from `from`: the customer's accounts team pays what is open. */
function payments(tenant: DemoTenantId, from: number, every: number, cushion: string, remark: string, until = 400): ScriptedEvent[] {
  return Array.from({ length: Math.ceil((until - from) / every) }, (_, i) => ({
    tenant, day: from + i * every, hour: 6, label: 'bank transfer for open invoices', run: (ctx: ScriptedEventContext) => payOpenInvoices(ctx, cushion, remark),
  }));
}

export const LIFECYCLE_EVENTS: ScriptedEvent[] = [
  {
    tenant: 'tnt_demo', day: 0, label: 'welcome credit',
    run: ({ tenant, financeActor }) => grantCredit({ tenantId: tenant.tenant.id, ...grantCreditInput.parse({ amount: '1200', source: 'promotion', remark: '新用户赠送额度' }) }, financeActor),
  },
  {
    tenant: 'tnt_acme', day: 0, label: 'welcome credit',
    run: ({ tenant, financeActor }) => grantCredit({ tenantId: tenant.tenant.id, ...grantCreditInput.parse({ amount: '50', source: 'promotion', remark: 'Welcome credit' }) }, financeActor),
  },
  {
    // pro has a 14-day trial: the period-end job converts it on day 14 and bills the first paid month.
    tenant: 'tnt_demo', day: 0, label: 'subscribe to pro (trial)',
    run: ({ tenant }) => startSubscription({ tenantId: tenant.tenant.id, ...startSubscriptionInput.parse({ planCode: 'pro', adminUserId: tenant.users.owner.id }) }, tenant.ownerActor),
  },
  {
    tenant: 'tnt_acme', day: 0, label: 'subscribe to starter',
    run: ({ tenant }) => startSubscription({ tenantId: tenant.tenant.id, ...startSubscriptionInput.parse({ planCode: 'starter', adminUserId: tenant.users.owner.id }) }, tenant.ownerActor),
  },
  // Payments: the demo tenant every 7 days with a cushion (its renewals are paid from credit); Acme
  // every 4 days, exactly what is owed (so each renewal shows a few days past_due, then reinstated).
  ...payments('tnt_demo', 16, 7, '800', '对公转账充值'),
  // Acme wires until it puts cards on file (history-collection.ts); collection charges them from then.
  ...payments('tnt_acme', 3, 4, '0', 'Wire transfer', ACME_CARDS_DAY),
  {
    tenant: 'tnt_acme', day: 100, hour: 1, label: 'cancel at period end',
    run: ({ tenant }) => cancelSubscription(cancelSubscriptionInput.parse({ tenantId: tenant.tenant.id }), tenant.ownerActor),
  },
  {
    tenant: 'tnt_acme', day: 103, hour: 4, label: 'resume before the period ends',
    run: ({ tenant }) => resumeSubscription(cancelSubscriptionInput.parse({ tenantId: tenant.tenant.id }), tenant.ownerActor),
  },
  {
    tenant: 'tnt_acme', day: 160, hour: 2, label: 'auto-renew off',
    run: ({ tenant }) => setAutoRenew(setAutoRenewInput.parse({ tenantId: tenant.tenant.id, autoRenew: false }), tenant.ownerActor),
  },
  {
    tenant: 'tnt_acme', day: 162, hour: 2, label: 'auto-renew on again',
    run: ({ tenant }) => setAutoRenew(setAutoRenewInput.parse({ tenantId: tenant.tenant.id, autoRenew: true }), tenant.ownerActor),
  },
];
