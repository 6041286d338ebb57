import { tenantRoute } from '@/server/rest/guard';
import { quotaUsage } from '@/server/quotas/limits';
import { operation } from './operation';

/** F5 GetQuotaUsage: the six maps with usage {current}. */
export const GET = tenantRoute(operation, async ({ caller, namespace }) => quotaUsage(caller.scope.tenantId, namespace!.name));
