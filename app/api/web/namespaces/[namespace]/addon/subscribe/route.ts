import { tenantRoute } from '@/server/rest/guard';
import { requireSystemNamespace } from '@/server/tenants/namespaces';
import { addOnChoiceOf } from '@/server/addons/schema';
import { subscribeAddOn } from '@/server/addons/add-ons';
import { operation } from './operation';

/** F5 Subscribe: `{"<addon_name>": {}}` → `{}`. */
export const POST = tenantRoute(operation, async ({ caller, namespace, body }) => {
  requireSystemNamespace(namespace);
  await subscribeAddOn({ ...addOnChoiceOf(body), tenantId: caller.scope.tenantId }, caller.actor);
  return {};
});
