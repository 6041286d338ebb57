import { tenantRoute } from '@/server/rest/guard';
import { requireSystemNamespace } from '@/server/tenants/namespaces';
import { f5Envelope } from '@/server/rest/envelopes';
import { listUsagePlansRsp, noQuery } from '@/server/catalog/schema';
import { listUsagePlans } from '@/server/catalog/usage-plans';

/** F5 ListUsagePlans: every plan, once per locale. */
export const GET = tenantRoute(
  { envelope: f5Envelope, scope: 'read', namespaceParam: 'namespace', query: noQuery },
  async ({ caller, namespace }) => {
    requireSystemNamespace(namespace);
    return listUsagePlansRsp.parse(await listUsagePlans(caller.scope));
  },
);
