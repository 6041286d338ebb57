import { tenantRoute } from '@/server/rest/guard';
import { quotaLimits } from '@/server/quotas/limits';
import { operation } from './operation';

/** F5 CustomGetQuotaLimits: the six maps of limits. */
export const GET = tenantRoute(operation, async ({ caller, namespace }) => quotaLimits(caller.scope.tenantId, namespace!.name));
