/** Credits and add-ons of the demo year: add-ons subscribed, a promotion credit, a finance correction. */
import { subscribeAddOn, unsubscribeAddOn } from '../../server/addons/add-ons';
import { addOnChangeInput } from '../../server/addons/schema';
import { adjustCredit, grantCredit } from '../../server/credits/grant-credit';
import { adjustCreditInput, grantCreditInput } from '../../server/credits/schema';
import type { ScriptedEvent } from './scripted-event';

export const CREDIT_EVENTS: ScriptedEvent[] = [
  {
    // starter offers advanced_mfa: billed for the rest of the month, paid from the welcome credit first.
    tenant: 'tnt_acme', day: 9, label: 'subscribe to the advanced MFA add-on',
    run: ({ tenant }) => subscribeAddOn({ tenantId: tenant.tenant.id, ...addOnChangeInput.parse({ addOnCode: 'advanced_mfa' }) }, tenant.ownerActor),
  },
  {
    // pro offers audit_retention (advanced_mfa is included); premium_support stays available to subscribe.
    tenant: 'tnt_demo', day: 20, label: 'subscribe to the audit retention add-on',
    run: ({ tenant }) => subscribeAddOn({ tenantId: tenant.tenant.id, ...addOnChangeInput.parse({ addOnCode: 'audit_retention' }) }, tenant.ownerActor),
  },
  {
    tenant: 'tnt_acme', day: 33, label: 'spring promotion credit',
    run: ({ tenant, financeActor }) => grantCredit({ tenantId: tenant.tenant.id, ...grantCreditInput.parse({ amount: '20', source: 'promotion', remark: 'Spring promotion' }) }, financeActor),
  },
  {
    tenant: 'tnt_demo', day: 41, hour: 2, label: 'finance credits an outage',
    run: ({ tenant, financeActor }) => adjustCredit(adjustCreditInput.parse({ tenantId: tenant.tenant.id, direction: 'credit', amount: '88', reason: '3 月 12 日服务中断补偿' }), financeActor),
  },
  {
    tenant: 'tnt_acme', day: 52, label: 'unsubscribe advanced MFA at the period end',
    run: ({ tenant }) => unsubscribeAddOn({ tenantId: tenant.tenant.id, ...addOnChangeInput.parse({ addOnCode: 'advanced_mfa' }) }, tenant.ownerActor),
  },
];
