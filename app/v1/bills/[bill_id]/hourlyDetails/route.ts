import { listBillHourlyDetails } from '@/server/bills/hourly-details';
import { tenantRoute } from '@/server/rest/guard';
import { operation } from './operation';

/** Seed 004: the hourly details of one of the caller's bills. */
export const GET = tenantRoute(operation, ({ caller, params, query }) => listBillHourlyDetails({ tenantId: caller.scope.tenantId, billId: params.bill_id, query }));
