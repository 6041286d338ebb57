import { prisma } from '../db';
import { now } from '../clock';
import { money, toDecimalString, ZERO } from '../money';
import type { CouponRedemptionView, DiscountsList, VoucherView } from './schema';

/** The tenant's coupons (every redemption, newest first) and vouchers with what remains of each. */
export async function listDiscounts(tenantId: string): Promise<DiscountsList> {
  const at = now();
  const [tenant, redemptions, vouchers, spent] = await Promise.all([
    prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { locale: true } }),
    prisma.couponRedemption.findMany({ where: { tenantId }, orderBy: [{ startsAt: 'desc' }, { id: 'asc' }], include: { coupon: true } }),
    prisma.voucher.findMany({ where: { tenantId }, orderBy: [{ expiresAt: 'desc' }, { id: 'asc' }] }),
    prisma.voucherRedemption.groupBy({ by: ['voucherId'], where: { tenantId }, _sum: { amount: true } }),
  ]);
  const used = new Map(spent.map((s) => [s.voucherId, s._sum.amount ? money(s._sum.amount) : ZERO]));
  const coupons = redemptions.map((r): CouponRedemptionView => ({
    id: r.id, couponCode: r.couponCode, title: tenant.locale === 'zh-CN' ? r.coupon.titleZh : r.coupon.title,
    percentOff: toDecimalString(r.coupon.percentOff), resourceType: r.coupon.resourceType, startsAt: r.startsAt, endsAt: r.endsAt,
    active: r.startsAt <= at && at < r.endsAt,
  }));
  return {
    coupons,
    vouchers: vouchers.map((v): VoucherView => {
      const remaining = money(v.amount).minus(used.get(v.id) ?? ZERO);
      return {
        id: v.id, code: v.code, amount: toDecimalString(v.amount), remaining: toDecimalString(remaining), currency: v.currency,
        resourceType: v.resourceType, validFrom: v.validFrom, expiresAt: v.expiresAt, active: v.validFrom <= at && at < v.expiresAt && remaining.gt(0),
      };
    }),
  };
}

/** Coupon redemptions in force at `at` (F5 current usage lists them). */
export async function activeCoupons(tenantId: string, at: Date) {
  return prisma.couponRedemption.findMany({
    where: { tenantId, startsAt: { lte: at }, endsAt: { gt: at } }, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], include: { coupon: true },
  });
}
