import { router } from '../trpc/init';
import { staffProcedure } from '../trpc/procedures';
import { listTenantsForStaff, tenantDirectoryInput } from './tenant-directory';

export const staffRouter = router({
  tenants: staffProcedure('support').input(tenantDirectoryInput).query(({ input }) => listTenantsForStaff(input)),
});
