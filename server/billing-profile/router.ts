import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { getBillingProfile, updateBillingProfile } from './billing-profile';
import { billingProfileGetInput, billingProfileInput, billingProfileView } from './schema';

/** Every member sees the profile printed on invoices; billing and above change it. */
export const billingProfileRouter = router({
  get: tenantProcedure('viewer').input(billingProfileGetInput).output(billingProfileView).query(({ ctx }) => getBillingProfile(ctx.scope.tenantId)),
  update: tenantProcedure('billing')
    .input(billingProfileInput)
    .output(billingProfileView)
    .mutation(({ ctx, input }) => updateBillingProfile({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
});
