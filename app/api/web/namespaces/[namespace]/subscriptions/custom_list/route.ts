import { tenantRoute } from '@/server/rest/guard';
import { listF5Subscriptions } from '@/server/subscriptions/f5-subscriptions';
import { operation } from './operation';

/** F5 ListSubscriptions: the caller's tenant's subscriptions as SubscriptionType. */
export const GET = tenantRoute(operation, async ({ caller, query }) => listF5Subscriptions(caller.scope.tenantId, query));
