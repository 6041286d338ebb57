import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { addPaymentMethodInput, paymentMethodList, paymentMethodRef, paymentMethodView, roleChangeResult } from './schema';
import { addPaymentMethod, listPaymentMethods, removePaymentMethod } from './payment-methods';
import { makePrimary, makeSecondary, swapPrimary } from './roles';
import { kickOwedInvoiceRetry } from '../jobs/kick-retry';

/**
 * Every member sees the payment methods (brand and last4 only); billing and above change them. A
 * change that puts a chargeable method in a slot kicks the retry of the tenant's owed invoices.
 */
export const paymentMethodsRouter = router({
  list: tenantProcedure('viewer').output(paymentMethodList).query(({ ctx }) => listPaymentMethods(ctx.scope.tenantId)),
  add: tenantProcedure('billing')
    .input(addPaymentMethodInput)
    .output(paymentMethodView)
    .mutation(async ({ ctx, input }) => {
      const method = await addPaymentMethod({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor);
      await kickOwedInvoiceRetry(ctx.scope.tenantId);
      return method;
    }),
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
      await kickOwedInvoiceRetry(ctx.scope.tenantId);
      return listPaymentMethods(ctx.scope.tenantId);
    }),
  makeSecondary: tenantProcedure('billing')
    .input(paymentMethodRef)
    .output(roleChangeResult)
    .mutation(async ({ ctx, input }) => {
      await makeSecondary({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor);
      await kickOwedInvoiceRetry(ctx.scope.tenantId);
      return listPaymentMethods(ctx.scope.tenantId);
    }),
  swapPrimary: tenantProcedure('billing')
    .input(paymentMethodRef)
    .output(roleChangeResult)
    .mutation(async ({ ctx, input }) => {
      await swapPrimary({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor);
      await kickOwedInvoiceRetry(ctx.scope.tenantId);
      return listPaymentMethods(ctx.scope.tenantId);
    }),
});
