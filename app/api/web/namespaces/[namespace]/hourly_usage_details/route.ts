import { tenantRoute } from '@/server/rest/guard';
import { hourlyUsageDetails } from '@/server/usage-read/usage-details';
import { assertBodyNamespace } from '@/server/usage-read/scope';
import { operation } from './operation';

/** F5 ListHourlyUsageDetails: `{namespace, query}` → `{hourly_usage_items}`. */
export const POST = tenantRoute(operation, async ({ caller, namespace, body }) => {
  const scope = { tenantId: caller.scope.tenantId, namespace: namespace! };
  assertBodyNamespace(scope, body.namespace);
  return hourlyUsageDetails(scope, body.query);
});
