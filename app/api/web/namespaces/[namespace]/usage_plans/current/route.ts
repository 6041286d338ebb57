import { tenantRoute } from '@/server/rest/guard';
import { requireSystemNamespace } from '@/server/tenants/namespaces';
import { getCurrentUsagePlan } from '@/server/catalog/usage-plans';
import { operation } from './operation';

/** F5 GetCurrentPlan: the caller's current plan as a LocalizedPlan. */
export const GET = tenantRoute(operation, async ({ caller, namespace }) => {
  requireSystemNamespace(namespace);
  return getCurrentUsagePlan(caller.scope);
});
