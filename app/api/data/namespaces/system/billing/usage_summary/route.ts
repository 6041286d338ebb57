import { tenantRoute } from '@/server/rest/guard';
import { usageSummary } from '@/server/usage-read/monthly-usage';
import { operation } from './operation';

/** Our usage_summary: `{from, to}` → `{items, total_cost, currency_code, from, to}` for the caller's tenant. */
export const POST = tenantRoute(operation, async ({ caller, body }) => usageSummary(caller.scope.tenantId, body));
