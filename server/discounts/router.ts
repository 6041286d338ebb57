import { router } from '../trpc/init';
import { staffProcedure, tenantProcedure } from '../trpc/procedures';
import { couponRedemptionView, discountsList, grantCouponInput, issueVoucherInput, voucherView } from './schema';
import { listDiscounts } from './read-discounts';
import { grantCoupon } from './coupons';
import { issueVoucher } from './vouchers';

/** `discounts.list`: every member sees the tenant's coupons and vouchers (with what remains). */
export const discountsRouter = router({
  list: tenantProcedure('viewer').output(discountsList).query(({ ctx }) => listDiscounts(ctx.scope.tenantId)),
});

/** `staff.discounts.*`: granting money off needs the finance staff role (or admin), always with a reason. */
export const staffDiscountsRouter = router({
  grantCoupon: staffProcedure('finance')
    .input(grantCouponInput)
    .output(couponRedemptionView.pick({ id: true, couponCode: true, startsAt: true, endsAt: true }))
    .mutation(async ({ ctx, input }) => {
      const r = await grantCoupon(input, ctx.actor);
      return { id: r.id, couponCode: r.couponCode, startsAt: r.startsAt, endsAt: r.endsAt };
    }),
  issueVoucher: staffProcedure('finance')
    .input(issueVoucherInput)
    .output(voucherView.pick({ id: true, code: true, amount: true, currency: true, validFrom: true, expiresAt: true }))
    .mutation(async ({ ctx, input }) => {
      const v = await issueVoucher(input, ctx.actor);
      return { id: v.id, code: v.code, amount: v.amount.toFixed(), currency: v.currency, validFrom: v.validFrom, expiresAt: v.expiresAt };
    }),
});
