import { router } from '../trpc/init';
import { authedProcedure, tenantProcedure } from '../trpc/procedures';
import { me, tenantOverview } from './schema';
import { getTenantOverview } from './overview';
import { listUserTenants } from './tenant-access';

export const tenantsRouter = router({
  /** The signed-in person and the tenants they may pick from. */
  me: authedProcedure.output(me).query(async ({ ctx }) => ({
    user: { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name, locale: ctx.user.locale, staffRole: ctx.user.staffRole },
    tenants: ctx.user.staffRole ? [] : await listUserTenants(ctx.user.id),
  })),
  overview: tenantProcedure('viewer').output(tenantOverview).query(({ ctx }) => getTenantOverview(ctx.scope)),
});
