import { tenantRoute } from '@/server/rest/guard';
import { requireSystemNamespace } from '@/server/tenants/namespaces';
import { removePaymentMethod } from '@/server/payment-methods/payment-methods';
import { operation } from './operation';

/** F5 Delete: → `{}`. */
export const DELETE = tenantRoute(operation, async ({ caller, namespace, params }) => {
  requireSystemNamespace(namespace);
  await removePaymentMethod({ tenantId: caller.scope.tenantId, name: params.name }, caller.actor);
  return {};
});
