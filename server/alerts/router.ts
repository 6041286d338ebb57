import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { alertIdInput, alertList, alertView, createAlertInput, okResult, setAlertStatusInput, updateAlertInput } from './schema';
import { createAlert, deleteAlert, listAlerts, setAlertStatus, updateAlert } from './alerts';

/** Every member sees the alerts; admins and owners change them (README, Roles). */
export const alertsRouter = router({
  list: tenantProcedure('viewer').output(alertList).query(({ ctx }) => listAlerts(ctx.scope.tenantId)),
  create: tenantProcedure('admin').input(createAlertInput).output(alertView)
    .mutation(({ ctx, input }) => createAlert({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
  update: tenantProcedure('admin').input(updateAlertInput).output(alertView)
    .mutation(({ ctx, input }) => updateAlert({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
  setStatus: tenantProcedure('admin').input(setAlertStatusInput).output(alertView)
    .mutation(({ ctx, input }) => setAlertStatus({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
  delete: tenantProcedure('admin').input(alertIdInput).output(okResult)
    .mutation(({ ctx, input }) => deleteAlert({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
});
