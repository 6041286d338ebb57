import { kickOwedInvoiceRetry } from '@/server/jobs/kick-retry';
import { tenantRoute } from '@/server/rest/guard';
import { requireSystemNamespace } from '@/server/tenants/namespaces';
import { makeSecondary } from '@/server/payment-methods/roles';
import { requireSameNamespace, requireSameName } from '@/server/payment-methods/f5-wire';
import { operation } from './operation';

/** F5 MakePaymentMethodSecondary: `{name, namespace}` → `{}`. */
export const POST = tenantRoute(operation, async ({ caller, namespace, params, body }) => {
  requireSystemNamespace(namespace);
  requireSameNamespace(body.namespace, namespace);
  requireSameName(body.name, params.name);
  await makeSecondary({ tenantId: caller.scope.tenantId, name: params.name }, caller.actor);
  await kickOwedInvoiceRetry(caller.scope.tenantId);
  return {};
});
