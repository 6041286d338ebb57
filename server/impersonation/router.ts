import { z } from 'zod';
import { router } from '../trpc/init';
import { staffProcedure } from '../trpc/procedures';
import { currentImpersonationOf, startImpersonation, stopImpersonation } from './lifecycle';
import { currentImpersonation, impersonationView, startImpersonationInput, stopImpersonationOutput } from './schema';

/** `staff.impersonation.*`: any staff role may impersonate; the tenant role it acts with is bounded by the staff role. */
export const impersonationRouter = router({
  start: staffProcedure('support').input(startImpersonationInput).output(impersonationView)
    .mutation(({ ctx, input }) => startImpersonation(input, { ...ctx.user, staffRole: ctx.staffRole }, ctx.actor)),
  stop: staffProcedure('support').input(z.strictObject({}).optional()).output(stopImpersonationOutput)
    .mutation(({ ctx }) => stopImpersonation({ ...ctx.user, staffRole: ctx.staffRole }, ctx.actor)),
  current: staffProcedure('support').output(currentImpersonation)
    .query(({ ctx }) => currentImpersonationOf({ ...ctx.user, staffRole: ctx.staffRole })),
});
