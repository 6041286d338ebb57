import { tenantRoute } from '@/server/rest/guard';
import { deleteQuota, getQuota, replaceQuota } from '@/server/quotas/quotas';
import { deleteQuotaOperation, getQuotaOperation, replaceQuotaOperation } from './operation';

/** F5 Replace → {}. */
export const PUT = tenantRoute(replaceQuotaOperation, async ({ caller, namespace, params, body }) => {
  await replaceQuota({ tenantId: caller.scope.tenantId, namespace: namespace!.name, name: params.name, request: body }, caller.actor);
  return {};
});

/** F5 Get → GetResponse in the asked response_format. */
export const GET = tenantRoute(getQuotaOperation, async ({ caller, namespace, params, query }) =>
  getQuota({ tenantId: caller.scope.tenantId, namespace: namespace!.name, name: params.name, format: query.response_format }));

/** F5 Delete → {}. */
export const DELETE = tenantRoute(deleteQuotaOperation, async ({ caller, namespace, params, body }) => {
  await deleteQuota({ tenantId: caller.scope.tenantId, namespace: namespace!.name, name: params.name, body }, caller.actor);
  return {};
});
