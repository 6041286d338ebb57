import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { noInput, projectionResult, quotaBarsResult, usageSeriesInput, usageSeriesResult } from './schema';
import { readUsageSeries } from './series';
import { readProjection, readQuotaBars } from './quota-bars';

/** `usageDashboard.*`: every member reads the tenant's usage, quotas and projection (dates in the tenant's billing timezone). */
export const usageDashboardRouter = router({
  series: tenantProcedure('viewer')
    .input(usageSeriesInput)
    .output(usageSeriesResult)
    .query(({ ctx, input }) => readUsageSeries(input, { tenantId: ctx.scope.tenantId, timeZone: ctx.scope.tenant.billingTimezone })),
  quotaBars: tenantProcedure('viewer')
    .input(noInput)
    .output(quotaBarsResult)
    .query(({ ctx }) => readQuotaBars({ tenantId: ctx.scope.tenantId, timeZone: ctx.scope.tenant.billingTimezone })),
  projection: tenantProcedure('viewer')
    .input(noInput)
    .output(projectionResult)
    .query(({ ctx }) => readProjection({ tenantId: ctx.scope.tenantId, timeZone: ctx.scope.tenant.billingTimezone })),
});
