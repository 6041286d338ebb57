import { listDailyBillDetails } from '@/server/bills/daily-detail';
import { tenantRoute } from '@/server/rest/guard';
import { operation } from './operation';

/** Seed 002: the caller's daily bill details for a date range. */
export const GET = tenantRoute(operation, ({ caller, query }) => listDailyBillDetails({ tenantId: caller.scope.tenantId, query }));
