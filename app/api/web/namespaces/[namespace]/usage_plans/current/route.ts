import { tenantRoute } from '@/server/rest/guard';
import { requireSystemNamespace } from '@/server/tenants/namespaces';
import { f5Envelope } from '@/server/rest/envelopes';
import { localizedPlan, noQuery } from '@/server/catalog/schema';
import { getCurrentUsagePlan } from '@/server/catalog/usage-plans';

/** F5 GetCurrentPlan: the caller's current plan as a LocalizedPlan. */
export const GET = tenantRoute(
  { envelope: f5Envelope, scope: 'read', namespaceParam: 'namespace', query: noQuery },
  async ({ caller, namespace }) => {
    requireSystemNamespace(namespace);
    return localizedPlan.parse(await getCurrentUsagePlan(caller.scope));
  },
);
