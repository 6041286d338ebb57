import { tenantRoute } from '@/server/rest/guard';
import { requireSystemNamespace } from '@/server/tenants/namespaces';
import { listUsagePlans } from '@/server/catalog/usage-plans';
import { operation } from './operation';

/** F5 ListUsagePlans: every plan, once per locale. */
export const GET = tenantRoute(operation, async ({ caller, namespace }) => {
  requireSystemNamespace(namespace);
  return listUsagePlans(caller.scope);
});
