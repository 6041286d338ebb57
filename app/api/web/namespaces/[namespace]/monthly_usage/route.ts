import { tenantRoute } from '@/server/rest/guard';
import { monthlyUsage } from '@/server/usage-read/monthly-usage';
import { assertBodyNamespace } from '@/server/usage-read/scope';
import { operation } from './operation';

/** F5 ListMonthlyUsage: `{namespace}` → `{monthly_usage_items}` (no date range: the last 12 months). */
export const POST = tenantRoute(operation, async ({ caller, namespace, body }) => {
  const scope = { tenantId: caller.scope.tenantId, namespace: namespace! };
  assertBodyNamespace(scope, body.namespace);
  return monthlyUsage(scope);
});
