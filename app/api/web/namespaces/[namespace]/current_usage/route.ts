import { tenantRoute } from '@/server/rest/guard';
import { currentUsage } from '@/server/usage-read/current-usage';
import { assertBodyNamespace } from '@/server/usage-read/scope';
import { operation } from './operation';

/** F5 ListCurrentUsage: `{namespace, from, to}` → `{usage_items, coupons, total_cost, discount}`. */
export const POST = tenantRoute(operation, async ({ caller, namespace, body }) => {
  const scope = { tenantId: caller.scope.tenantId, namespace: namespace! };
  assertBodyNamespace(scope, body.namespace);
  return currentUsage(scope, body);
});
