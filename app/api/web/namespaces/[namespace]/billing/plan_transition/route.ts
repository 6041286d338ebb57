import { tenantRoute } from '@/server/rest/guard';
import { requireSystemNamespace } from '@/server/tenants/namespaces';
import { badRequest } from '@/server/errors';
import { transitionFromF5 } from '@/server/transitions/f5-transition';
import { operation } from './operation';

/** F5 InitiatePlanTransition: `{namespace, new_plan, payload}` → `{id, requires_manual_approval}`. */
export const POST = tenantRoute(operation, async ({ caller, namespace, body }) => {
  requireSystemNamespace(namespace);
  if (body.namespace !== namespace?.name) throw badRequest('body.namespace must equal the path namespace', 'NAMESPACE_MISMATCH');
  return transitionFromF5(body, caller.scope.tenantId, caller.actor);
});
