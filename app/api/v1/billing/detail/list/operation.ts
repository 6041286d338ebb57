import { dailyDetailEnvelope } from '@/server/rest/envelopes';
import { tenantOperation } from '@/server/rest/operations';
import { Decimal } from '@/server/money';
import { dailyDetailQuery, dailyDetailResponse } from '@/server/bills/daily-schema';

/** Seed 002 ListDailyBillDetails, declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'get',
  path: '/api/v1/billing/detail/list',
  operationId: 'ListDailyBillDetails',
  seed: '002',
  summary: 'The daily bill: one row per day (in the tenant\'s timezone) × meter × workspace, summed from the same charge lines as the hourly '
    + 'details and the invoices. `startDate` and `endDate` are `YYYYMMDD`, real calendar dates, start ≤ end, at most 92 days apart. '
    + 'Amounts are exact numbers; `couponAmount` holds coupons and vouchers, `storedCardAmount` what the credit balance paid, `cashAmount` '
    + 'what a payment method paid, `oweAmount` what is still owed. `DF-API-KEY: <key>` works as well as `Authorization: Bearer <key>`.',
  scope: 'read',
  query: dailyDetailQuery,
  response: dailyDetailResponse,
  envelope: dailyDetailEnvelope,
  example: {
    query: { startDate: '20261101', endDate: '20261130' },
    response: [{
      consumeTimeOfDay: '2026-11-03', orgName: null, productName: 'Counterfoil', productDetail: 'API 调用', billingCycle: 'Day',
      billingResult: new Decimal('25.92'), deductionAmount: new Decimal('25.92'), oweAmount: new Decimal(0), originAmount: new Decimal('31.32'),
      serviceBillingAmount: null, couponAmount: new Decimal(0), storedCardAmount: new Decimal('5.92'), cashAmount: new Decimal('20'),
      cashCouldAmount: new Decimal(0), commodityCategory: '按量付费', consumePlatform: 'card', customerIdentifier: 'visa ****4242', consumption: null,
      workspaceUuid: 'ns_k3m9q2x7v1c5n8p4', workspaceName: 'system', consumeTime: 1793635200, tag6: 'api_calls', billingResultDetails: null,
      count: new Decimal(156600),
    }],
  },
});
