import { router } from '../trpc/init';
import { staffProcedure, tenantProcedure } from '../trpc/procedures';
import { auditListInput, auditPage, staffAuditListInput } from './schema';
import { listAuditLog } from './list-audit';

/** `audit.*`: a tenant's owners and admins read its audit log, dates in the tenant's billing timezone. */
export const auditRouter = router({
  list: tenantProcedure('admin')
    .input(auditListInput)
    .output(auditPage)
    .query(({ ctx, input }) => listAuditLog(input, { tenantId: ctx.scope.tenantId, timeZone: ctx.scope.tenant.billingTimezone })),
});

/** `staff.audit.*`: every staff role reads every tenant's rows (and platform-wide ones), dates in UTC. */
export const staffAuditRouter = router({
  list: staffProcedure('support')
    .input(staffAuditListInput)
    .output(auditPage)
    .query(({ input }) => listAuditLog(input, { tenantId: null, timeZone: 'UTC' })),
});
