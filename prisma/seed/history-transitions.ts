/**
 * Plan changes of the demo year: yearly prices for the paid plans (new versions of plans in use), Acme upgrades starter → pro mid-period (a proration invoice),
 * platform admin lets pro downgrade at once with a credit, Acme goes back to starter (a proration
 * credit), and the demo tenant asks for Enterprise, which waits in the approval queue.
 */
import { editPlan, editPlanInput } from '../../server/catalog/edit-plan';
import { confirmPlanTransition } from '../../server/transitions/confirm';
import { quotePlanTransition } from '../../server/transitions/quote';
import { quoteInput } from '../../server/transitions/schema';
import type { ScriptedEvent, ScriptedEventContext } from './scripted-event';

/** Quote, then confirm the quote, as the tenant's owner would in the portal. */
async function changePlan({ tenant }: ScriptedEventContext, toPlanCode: string) {
  const quote = await quotePlanTransition({ tenantId: tenant.tenant.id, ...quoteInput.parse({ toPlanCode }) }, tenant.ownerActor);
  return confirmPlanTransition({ tenantId: tenant.tenant.id, transitionId: quote.id }, tenant.ownerActor);
}

/** Yearly prices (two months free) for the paid plans: a price edit of plans in use, so each gets a new version. */
const YEARLY = { starter: { CNY: ['99', '990'], USD: ['15', '150'] }, pro: { CNY: ['499', '4990'], USD: ['79', '790'] }, enterprise: { CNY: ['4999', '49990'], USD: ['799', '7990'] } } as const;

export const TRANSITION_EVENTS: ScriptedEvent[] = [
  ...Object.entries(YEARLY).map(([code, prices]): ScriptedEvent => ({
    tenant: 'tnt_demo', day: 1, label: `catalog: yearly prices for ${code}`,
    run: ({ adminActor }) => editPlan(editPlanInput.parse({ code, prices: Object.fromEntries(Object.entries(prices).map(([c, [monthly, yearly]]) => [c, { monthly, yearly }])) }), adminActor),
  })),
  { tenant: 'tnt_acme', day: 20, hour: 2, label: 'upgrade starter → pro (prorated now)', run: (ctx) => changePlan(ctx, 'pro') },
  {
    tenant: 'tnt_acme', day: 44, label: 'catalog: pro downgrades apply at once with a credit',
    run: ({ adminActor }) => editPlan(editPlanInput.parse({ code: 'pro', downgradeProration: 'prorate_now_credit' }), adminActor),
  },
  { tenant: 'tnt_acme', day: 45, hour: 3, label: 'downgrade pro → starter (prorated credit)', run: (ctx) => changePlan(ctx, 'starter') },
  { tenant: 'tnt_demo', day: 70, hour: 1, label: 'request enterprise (waits for approval)', run: (ctx) => changePlan(ctx, 'enterprise') },
];
