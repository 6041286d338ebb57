import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { alertIdInput, alertList, alertView, createAlertInput, okResult, setAlertStatusInput, updateAlertInput } from './schema';
import { createAlert, deleteAlert, listAlerts, setAlertStatus, updateAlert } from './alerts';

/** Every member sees the alerts; billing and above (the people who watch spend) change them. */
export const alertsRouter = router({
  list: tenantProcedure('viewer').output(alertList).query(({ ctx }) => listAlerts(ctx.scope.tenantId)),
  create: tenantProcedure('billing').input(createAlertInput).output(alertView)
    .mutation(({ ctx, input }) => createAlert({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
  update: tenantProcedure('billing').input(updateAlertInput).output(alertView)
    .mutation(({ ctx, input }) => updateAlert({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
  setStatus: tenantProcedure('billing').input(setAlertStatusInput).output(alertView)
    .mutation(({ ctx, input }) => setAlertStatus({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
  delete: tenantProcedure('billing').input(alertIdInput).output(okResult)
    .mutation(({ ctx, input }) => deleteAlert({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
});
