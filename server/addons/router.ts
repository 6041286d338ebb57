import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { addOnChangeInput, addOnChangeResult, addOnList } from './schema';
import { listAddOns, subscribeAddOn, unsubscribeAddOn } from './add-ons';

/** Every member sees the add-ons; billing and above change them (they move money). */
export const addOnsRouter = router({
  list: tenantProcedure('viewer').output(addOnList).query(({ ctx }) => listAddOns(ctx.scope.tenantId)),
  subscribe: tenantProcedure('billing')
    .input(addOnChangeInput)
    .output(addOnChangeResult)
    .mutation(({ ctx, input }) => subscribeAddOn({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
  unsubscribe: tenantProcedure('billing')
    .input(addOnChangeInput)
    .output(addOnChangeResult)
    .mutation(({ ctx, input }) => unsubscribeAddOn({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
});
