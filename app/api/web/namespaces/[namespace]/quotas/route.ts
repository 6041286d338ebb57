import { tenantRoute } from '@/server/rest/guard';
import { createQuota, listQuotas } from '@/server/quotas/quotas';
import { createQuotaOperation, listQuotasOperation } from './operation';

/** F5 Create: CreateRequest → CreateResponse (the stored object). */
export const POST = tenantRoute(createQuotaOperation, async ({ caller, namespace, body }) =>
  createQuota({ tenantId: caller.scope.tenantId, namespace: namespace!.name, request: body }, caller.actor));

/** F5 List: `{items, errors}`. */
export const GET = tenantRoute(listQuotasOperation, async ({ caller, namespace, query }) => listQuotas({
  tenantId: caller.scope.tenantId, namespace: namespace!.name, labelFilter: query.label_filter,
  reportFields: query.report_fields !== undefined, reportStatus: query.report_status_fields !== undefined,
}));
