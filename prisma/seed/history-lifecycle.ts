/** The subscription lifecycle of the demo year: the opening credits and subscriptions. */
import { grantCredit } from '../../server/credits/grant-credit';
import { grantCreditInput } from '../../server/credits/schema';
import { startSubscription } from '../../server/subscriptions/start-subscription';
import { startSubscriptionInput } from '../../server/subscriptions/schema';
import type { ScriptedEvent } from './scripted-event';

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
    // pro has a 14-day trial: the trial-end job converts it and bills the first paid month.
    tenant: 'tnt_demo', day: 0, label: 'subscribe to pro (trial)',
    run: ({ tenant }) => startSubscription({ tenantId: tenant.tenant.id, ...startSubscriptionInput.parse({ planCode: 'pro', adminUserId: tenant.users.owner.id }) }, tenant.ownerActor),
  },
  {
    tenant: 'tnt_acme', day: 0, label: 'subscribe to starter',
    run: ({ tenant }) => startSubscription({ tenantId: tenant.tenant.id, ...startSubscriptionInput.parse({ planCode: 'starter', adminUserId: tenant.users.owner.id }) }, tenant.ownerActor),
  },
];
