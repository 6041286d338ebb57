import { tenantRoute } from '@/server/rest/guard';
import { listF5Invoices } from '@/server/invoices/f5-invoices';
import { operation } from './operation';

/** F5 ListInvoices: the caller's tenant's invoices as F5 Invoice. */
export const GET = tenantRoute(operation, async ({ caller, query }) => listF5Invoices(caller.scope.tenantId, query));
