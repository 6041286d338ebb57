import { tenantRoute } from '@/server/rest/guard';
import { usageDetails } from '@/server/usage-read/usage-details';
import { assertBodyNamespace } from '@/server/usage-read/scope';
import { operation } from './operation';

/** F5 ListUsageDetails: `{namespace, from, to}` → `{usage_items}`. */
export const POST = tenantRoute(operation, async ({ caller, namespace, body }) => {
  const scope = { tenantId: caller.scope.tenantId, namespace: namespace! };
  assertBodyNamespace(scope, body.namespace);
  return usageDetails(scope, body);
});
