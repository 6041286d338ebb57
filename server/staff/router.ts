import { router } from '../trpc/init';
import { staffProcedure } from '../trpc/procedures';
import { tenantDirectory, tenantDirectoryInput } from './schema';
import { listTenantsForStaff } from './tenant-directory';

export const staffRouter = router({
  tenants: staffProcedure('support').input(tenantDirectoryInput).output(tenantDirectory).query(({ input }) => listTenantsForStaff(input)),
});
