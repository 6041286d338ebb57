import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { billList, dailyView, dailyViewInput, hourlyView, hourlyViewInput } from './portal-schema';
import { listBills, readBillHourly, readDailyBill } from './portal-views';

/** Every member may read the bills (as invoices). */
export const billsRouter = router({
  list: tenantProcedure('viewer').output(billList).query(({ ctx }) => listBills(ctx.scope.tenantId)),
  hourly: tenantProcedure('viewer').input(hourlyViewInput).output(hourlyView).query(({ ctx, input }) => readBillHourly({ ...input, tenantId: ctx.scope.tenantId })),
  daily: tenantProcedure('viewer').input(dailyViewInput).output(dailyView).query(({ ctx, input }) => readDailyBill({ ...input, tenantId: ctx.scope.tenantId })),
});
