import { tenantRoute } from '@/server/rest/guard';
import { listBillingRecords } from '@/server/invoices/billing-records';
import { operation } from './operation';

/** Seed 001: the path's tenant must be the caller's (the guard answers 404 otherwise). */
export const GET = tenantRoute(operation, async ({ caller, query }) => listBillingRecords(caller.scope.tenantId, query));
