import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { usageCost, usageCostInput } from './schema';
import { readUsageCost } from './usage-cost';

/** `usageCost.*`: every member may see what usage costs (names in the signed-in person's language). */
export const usageCostRouter = router({
  currentPeriod: tenantProcedure('viewer')
    .input(usageCostInput)
    .output(usageCost)
    .query(({ ctx, input }) => readUsageCost(ctx.scope.tenantId, input, ctx.user.locale)),
});
