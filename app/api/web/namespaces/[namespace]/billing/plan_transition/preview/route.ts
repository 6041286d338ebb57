import { tenantRoute } from '@/server/rest/guard';
import { requireSystemNamespace } from '@/server/tenants/namespaces';
import { badRequest } from '@/server/errors';
import { quotePlanTransition } from '@/server/transitions/quote';
import { operation } from './operation';

/** The quote of a plan change, through the portal's quote. */
export const POST = tenantRoute(operation, async ({ caller, namespace, body }) => {
  requireSystemNamespace(namespace);
  if (body.namespace !== namespace?.name) throw badRequest('body.namespace must equal the path namespace', 'NAMESPACE_MISMATCH');
  return quotePlanTransition({ tenantId: caller.scope.tenantId, toPlanCode: body.new_plan, billingCycle: body.payload.billing_cycle }, caller.actor);
});
