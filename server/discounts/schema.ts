import { z } from 'zod';
import { decimalString } from '../money-schema';
import { money } from '../money';

const tenantId = z.string().regex(/^tnt_[A-Za-z0-9_]{2,40}$/);
const code = z.string().trim().regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, 'upper-case letters, digits, - and _');
const reason = z.string().trim().min(3).max(500);
const resourceType = z.string().trim().regex(/^[a-z][a-z0-9_]{1,63}$/);

/** A catalog coupon (platform-wide): percent off usage in (0, 100], up to 9 places. */
export const defineCouponInput = z.strictObject({
  code,
  title: z.string().trim().min(1).max(120),
  titleZh: z.string().trim().min(1).max(120),
  percentOff: z.string().regex(/^\d{1,3}(\.\d{1,9})?$/).refine((v) => money(v).gt(0) && money(v).lte(100), 'in (0, 100]'),
  resourceType: resourceType.nullable().default(null),
  durationMonths: z.number().int().min(1).max(36),
});
export type DefineCouponInput = z.output<typeof defineCouponInput>;

/** `staff.discounts.grantCoupon`: the coupon applies from now (never to hours already priced) for its duration. */
export const grantCouponInput = z.strictObject({ tenantId, couponCode: code, reason });
export type GrantCouponInput = z.output<typeof grantCouponInput>;

/** `staff.discounts.issueVoucher`: prepaid money in the tenant's currency, spent on usage at period close. */
export const issueVoucherInput = z.strictObject({
  tenantId,
  code,
  amount: z.string().regex(/^\d{1,21}(\.\d{1,9})?$/).refine((v) => /[1-9]/.test(v), 'must be above zero'),
  validFrom: z.date().optional().describe('default: now'),
  expiresAt: z.date(),
  resourceType: resourceType.nullable().default(null),
  reason,
});
export type IssueVoucherInput = z.output<typeof issueVoucherInput>;

export const couponRedemptionView = z.object({
  id: z.string(),
  couponCode: z.string(),
  title: z.string().describe('in the tenant\'s locale'),
  percentOff: decimalString,
  resourceType: z.string().nullable(),
  startsAt: z.date(),
  endsAt: z.date(),
  active: z.boolean().describe('now within [startsAt, endsAt)'),
});
export type CouponRedemptionView = z.infer<typeof couponRedemptionView>;

export const voucherView = z.object({
  id: z.string(),
  code: z.string(),
  amount: decimalString,
  remaining: decimalString.describe('amount − what closed periods spent'),
  currency: z.string(),
  resourceType: z.string().nullable(),
  validFrom: z.date(),
  expiresAt: z.date(),
  active: z.boolean().describe('now within [validFrom, expiresAt) and something left'),
});
export type VoucherView = z.infer<typeof voucherView>;

export const discountsList = z.object({ coupons: z.array(couponRedemptionView), vouchers: z.array(voucherView) });
export type DiscountsList = z.infer<typeof discountsList>;
