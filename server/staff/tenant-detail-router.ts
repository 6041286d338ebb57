import { router } from '../trpc/init';
import { staffProcedure } from '../trpc/procedures';
import { staffTenantDetail, staffTenantInput, staffTenantInvoices, staffTenantInvoicesInput } from './tenant-detail-schema';
import { getTenantForStaff, listTenantInvoicesForStaff } from './tenant-detail';

/** `staff.tenant.*`: one tenant's page in the staff console; every staff role may read it. */
export const staffTenantRouter = router({
  get: staffProcedure('support').input(staffTenantInput).output(staffTenantDetail).query(({ input }) => getTenantForStaff(input)),
  invoices: staffProcedure('support').input(staffTenantInvoicesInput).output(staffTenantInvoices).query(({ input }) => listTenantInvoicesForStaff(input)),
});
