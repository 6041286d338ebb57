import { z } from 'zod';
import { wireDecimalNumber } from '../money-schema';

/** Seed 002 query: `startDate`, `endDate` as `YYYYMMDD`, both required (calendar and range checks in daily-detail.ts). */
export const dailyDetailQuery = z.strictObject({
  startDate: z.string().regex(/^\d{8}$/, 'startDate must be YYYYMMDD'),
  endDate: z.string().regex(/^\d{8}$/, 'endDate must be YYYYMMDD'),
});
export type DailyDetailQuery = z.output<typeof dailyDetailQuery>;

const amount = wireDecimalNumber;

/** Seed 002 row (camelCase, every documented field; the ones the seed marks 可忽略 are null). */
export const dailyDetailRow = z.object({
  consumeTimeOfDay: z.string().describe('YYYY-MM-DD in the tenant\'s timezone'),
  orgName: z.null(),
  productName: z.string(),
  productDetail: z.string().describe('the meter\'s display name in the tenant\'s locale'),
  billingCycle: z.enum(['Day', 'Month', 'Year', 'Single']),
  billingResult: amount.describe('payable: original − included units − coupons − vouchers'),
  deductionAmount: amount.describe('paid so far (stored card + cash + cloud market)'),
  oweAmount: amount.describe('still owed'),
  originAmount: amount.describe('at list price'),
  serviceBillingAmount: z.null(),
  couponAmount: amount.describe('coupons and vouchers'),
  storedCardAmount: amount.describe('paid from the credit balance'),
  cashAmount: amount.describe('paid by a payment method'),
  cashCouldAmount: amount.describe('paid through a cloud marketplace (always 0 here)'),
  commodityCategory: z.enum(['包年包月', '按量付费']),
  consumePlatform: z.string().nullable().describe('how it was paid: card, alipay, wechat, bank or credit; null while unpaid'),
  customerIdentifier: z.string().nullable().describe('the paying method as shown to people (brand and last four); null when none'),
  consumption: z.null(),
  workspaceUuid: z.string(),
  workspaceName: z.string(),
  consumeTime: z.number().int().describe('epoch seconds of the day\'s start in the tenant\'s timezone'),
  tag6: z.string().describe('the meter key'),
  billingResultDetails: z.null(),
  count: wireDecimalNumber.describe('usage quantity'),
});
export type DailyDetailRow = z.output<typeof dailyDetailRow>;

export const dailyDetailResponse = z.array(dailyDetailRow);
