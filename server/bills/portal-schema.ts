import { z } from 'zod';
import { decimalString } from '../money-schema';

/** The portal's bill views (tRPC): money as decimal strings, filters as fields rather than filter text. */
export const billSummary = z.object({
  id: z.string(), billMonth: z.string(), periodStart: z.date(), periodEnd: z.date(), currency: z.string(), state: z.string(),
  amount: decimalString, billingAccountId: z.string(), billingAccountName: z.string(), lines: z.number().int(),
});
export const billList = z.object({ bills: z.array(billSummary) });

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const hourlyViewInput = z.strictObject({
  billId: id,
  skuIds: z.array(id).max(100).default([]),
  spuIds: z.array(id).max(100).default([]),
  resourceGroupId: id.optional(),
  resourceOwnerId: id.optional(),
  consumeType: z.enum(['CT_CONSUMPTION', 'CT_REFUND', 'CT_RECONCILIATION']).optional(),
  orderBy: z.enum(['create_time desc', 'create_time', 'amount desc', 'amount', 'quantity desc', 'quantity']).default('create_time desc'),
  pageSize: z.number().int().min(1).max(200).default(50),
  pageToken: z.string().max(2048).optional(),
});
export type HourlyViewInput = z.output<typeof hourlyViewInput>;

const facetNode = z.object({ id: z.string(), name: z.string(), children: z.array(z.object({ id: z.string(), name: z.string(), children: z.array(z.object({ id: z.string(), name: z.string() })) })) });
export const hourlyView = z.object({
  currency: z.string(),
  rows: z.array(z.object({
    id: z.string(), hour: z.string(), skuId: z.string(), skuName: z.string(), spuName: z.string(), resourceName: z.string(), resourceGroupName: z.string(),
    ownerName: z.string(), quantity: decimalString, originalAmount: decimalString, discountAmount: decimalString, couponAmount: decimalString,
    voucherAmount: decimalString, amount: decimalString, paidAmount: decimalString, unpaidAmount: decimalString, consumeType: z.string(),
    paymentModel: z.string(), state: z.string(),
  })),
  nextPageToken: z.string(),
  total: z.number().int(),
  facets: z.object({
    owners: z.array(z.object({ id: z.string(), name: z.string() })),
    resourceGroups: z.array(z.object({ id: z.string(), name: z.string() })),
    tree: z.array(facetNode),
  }),
});
export type HourlyView = z.output<typeof hourlyView>;

const compactDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const dailyViewInput = z.strictObject({ from: compactDate, to: compactDate });
export const dailyView = z.object({
  rows: z.array(z.object({
    day: z.string(), meter: z.string(), meterName: z.string(), workspace: z.string(), billingCycle: z.string(), category: z.string(), count: decimalString,
    originAmount: decimalString, couponAmount: decimalString, billingResult: decimalString, storedCardAmount: decimalString, cashAmount: decimalString, oweAmount: decimalString,
  })),
});
