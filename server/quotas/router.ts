import { z } from 'zod';
import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { quotaAddress, quotaForm, quotaListInput, quotaListResult, quotaSummary } from './portal-schema';
import { createPortalQuota, deletePortalQuota, getPortalQuota, listPortalQuotas, updatePortalQuota } from './portal-quotas';

/** Every member sees the quotas; admins and owners change them (a hard quota can refuse production traffic). */
export const quotasRouter = router({
  list: tenantProcedure('viewer').input(quotaListInput).output(quotaListResult)
    .query(({ ctx, input }) => listPortalQuotas(ctx.scope.tenantId, input.namespace)),
  get: tenantProcedure('viewer').input(quotaAddress).output(quotaSummary)
    .query(({ ctx, input }) => getPortalQuota(ctx.scope.tenantId, input.namespace, input.name)),
  create: tenantProcedure('admin').input(quotaForm).output(quotaSummary)
    .mutation(({ ctx, input }) => createPortalQuota(ctx.scope.tenantId, input, ctx.actor)),
  update: tenantProcedure('admin').input(quotaForm).output(quotaSummary)
    .mutation(({ ctx, input }) => updatePortalQuota(ctx.scope.tenantId, input, ctx.actor)),
  delete: tenantProcedure('admin').input(quotaAddress).output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => deletePortalQuota(ctx.scope.tenantId, input.namespace, input.name, ctx.actor)),
});
