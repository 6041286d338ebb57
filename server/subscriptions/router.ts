import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { getCurrentSubscription, settingsOf } from './current-subscription';
import { autoRenewInput, currentSubscription, currentSubscriptionInput, subscriptionActionInput, subscriptionSettings } from './schema';
import { cancelSubscription, resumeSubscription, setAutoRenew } from './subscription-settings';

/** Everyone in the tenant sees the subscription; billing and above change how it ends. */
export const subscriptionsRouter = router({
  current: tenantProcedure('viewer').input(currentSubscriptionInput).output(currentSubscription).query(({ ctx }) => getCurrentSubscription(ctx.scope.tenantId)),
  cancel: tenantProcedure('billing')
    .input(subscriptionActionInput)
    .output(subscriptionSettings)
    .mutation(async ({ ctx }) => settingsOf(await cancelSubscription({ tenantId: ctx.scope.tenantId }, ctx.actor))),
  resume: tenantProcedure('billing')
    .input(subscriptionActionInput)
    .output(subscriptionSettings)
    .mutation(async ({ ctx }) => settingsOf(await resumeSubscription({ tenantId: ctx.scope.tenantId }, ctx.actor))),
  setAutoRenew: tenantProcedure('billing')
    .input(autoRenewInput)
    .output(subscriptionSettings)
    .mutation(async ({ ctx, input }) => settingsOf(await setAutoRenew({ tenantId: ctx.scope.tenantId, autoRenew: input.autoRenew }, ctx.actor))),
});
