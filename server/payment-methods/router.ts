import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { addPaymentMethodInput, paymentMethodList, paymentMethodRef, paymentMethodView, roleChangeResult } from './schema';
import { addPaymentMethod, listPaymentMethods, removePaymentMethod } from './payment-methods';
import { makePrimary, makeSecondary, swapPrimary } from './roles';

/** Every member sees the payment methods (brand and last4 only); billing and above change them. */
export const paymentMethodsRouter = router({
  list: tenantProcedure('viewer').output(paymentMethodList).query(({ ctx }) => listPaymentMethods(ctx.scope.tenantId)),
  add: tenantProcedure('billing')
    .input(addPaymentMethodInput)
    .output(paymentMethodView)
    .mutation(({ ctx, input }) => addPaymentMethod({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
  remove: tenantProcedure('billing')
    .input(paymentMethodRef)
    .output(roleChangeResult)
    .mutation(async ({ ctx, input }) => {
      await removePaymentMethod({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor);
      return listPaymentMethods(ctx.scope.tenantId);
    }),
  makePrimary: tenantProcedure('billing')
    .input(paymentMethodRef)
    .output(roleChangeResult)
    .mutation(async ({ ctx, input }) => {
      await makePrimary({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor);
      return listPaymentMethods(ctx.scope.tenantId);
    }),
  makeSecondary: tenantProcedure('billing')
    .input(paymentMethodRef)
    .output(roleChangeResult)
    .mutation(async ({ ctx, input }) => {
      await makeSecondary({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor);
      return listPaymentMethods(ctx.scope.tenantId);
    }),
  swapPrimary: tenantProcedure('billing')
    .input(paymentMethodRef)
    .output(roleChangeResult)
    .mutation(async ({ ctx, input }) => {
      await swapPrimary({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor);
      return listPaymentMethods(ctx.scope.tenantId);
    }),
});
