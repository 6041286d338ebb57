import { router } from '../trpc/init';
import { staffProcedure } from '../trpc/procedures';
import { tenantDirectory, tenantDirectoryInput } from './schema';
import { listTenantsForStaff } from './tenant-directory';
import { staffCreditsRouter } from '../credits/router';
import { staffApprovalsRouter, staffCatalogRouter } from './catalog-approvals-router';
import { impersonationRouter } from '../impersonation/router';
import { staffTenantRouter } from './tenant-detail-router';
import { staffAuditRouter } from '../audit/router';
import { staffServiceCredentialsRouter } from './service-credentials-router';
import { staffInvoicesRouter } from '../collection/router';
import { staffDiscountsRouter } from '../discounts/router';

export const staffRouter = router({
  credits: staffCreditsRouter,
  catalog: staffCatalogRouter,
  approvals: staffApprovalsRouter,
  impersonation: impersonationRouter,
  tenant: staffTenantRouter,
  audit: staffAuditRouter,
  serviceCredentials: staffServiceCredentialsRouter,
  invoices: staffInvoicesRouter,
  discounts: staffDiscountsRouter,
  tenants: staffProcedure('support').input(tenantDirectoryInput).output(tenantDirectory).query(({ input }) => listTenantsForStaff(input)),
});
