import { z } from 'zod';
import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { cancelScheduledInput, confirmInput, confirmResult, planTransitionQuote, quoteInput, transitionState } from './schema';
import { quotePlanTransition } from './quote';
import { confirmPlanTransition } from './confirm';
import { cancelScheduledTransition } from './schedule';

/** Changing the plan is the billing role's business (and above); viewers see plans but cannot change them. */
export const planTransitionsRouter = router({
  quote: tenantProcedure('billing').input(quoteInput).output(planTransitionQuote)
    .mutation(({ ctx, input }) => quotePlanTransition({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
  confirm: tenantProcedure('billing').input(confirmInput).output(confirmResult)
    .mutation(({ ctx, input }) => confirmPlanTransition({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
  cancelScheduled: tenantProcedure('billing').input(cancelScheduledInput).output(z.object({ id: z.uuid(), state: transitionState }))
    .mutation(({ ctx, input }) => cancelScheduledTransition({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
});
