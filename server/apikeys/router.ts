import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { apiKeySummary, createApiKeyInput, createdApiKey, revokeApiKeyInput } from './schema';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { z } from 'zod';

/** API keys are an admin's business: they act for the whole tenant. */
export const apiKeysRouter = router({
  list: tenantProcedure('admin').output(z.array(apiKeySummary)).query(({ ctx }) => listApiKeys(ctx.scope.tenantId)),
  create: tenantProcedure('admin')
    .input(createApiKeyInput)
    .output(createdApiKey)
    .mutation(({ ctx, input }) => createApiKey({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
  revoke: tenantProcedure('admin')
    .input(revokeApiKeyInput)
    .output(apiKeySummary)
    .mutation(({ ctx, input }) => revokeApiKey({ ...input, tenantId: ctx.scope.tenantId }, ctx.actor)),
});
