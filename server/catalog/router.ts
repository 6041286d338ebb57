import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { listPortalPlans, portalPlans } from './portal-plans';

/** The tenant's view of the catalog: every member may look. */
export const catalogRouter = router({
  plans: tenantProcedure('viewer').output(portalPlans).query(({ ctx }) => listPortalPlans(ctx.scope)),
});
