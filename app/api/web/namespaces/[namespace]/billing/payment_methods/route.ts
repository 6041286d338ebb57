import { kickOwedInvoiceRetry } from '@/server/jobs/kick-retry';
import { tenantRoute } from '@/server/rest/guard';
import { requireSystemNamespace } from '@/server/tenants/namespaces';
import { addPaymentMethod } from '@/server/payment-methods/payment-methods';
import { roleFromF5 } from '@/server/payment-methods/schema';
import { requireSameNamespace } from '@/server/payment-methods/f5-wire';
import { operation } from './operation';

/** F5 Create: `{namespace, role, token, contact}` → `{name}`. */
export const POST = tenantRoute(operation, async ({ caller, namespace, body }) => {
  requireSystemNamespace(namespace);
  requireSameNamespace(body.namespace, namespace);
  const method = await addPaymentMethod({ tenantId: caller.scope.tenantId, token: body.token, role: roleFromF5(body.role), contact: body.contact ?? null }, caller.actor);
  await kickOwedInvoiceRetry(caller.scope.tenantId);
  return { name: method.name };
});
