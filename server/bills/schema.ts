import { z } from 'zod';
import { wireDecimalNumber } from '../money-schema';

/** Comma list of ids (`sku_ids`, `spu_ids`): at most 100, each a plain id. */
const idList = z
  .string()
  .max(4000)
  .transform((text) => text.split(',').map((id) => id.trim()).filter((id) => id.length > 0))
  .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'ids are letters, digits, _ and -')).max(100));

const pageSize = z
  .string()
  .regex(/^\d{1,4}$/, 'page_size must be a whole number')
  .transform(Number)
  .pipe(z.number().int().min(1, 'page_size must be 1 to 500').max(500, 'page_size must be 1 to 500'));

export const ORDER_FIELDS = ['create_time', 'amount', 'quantity'] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

/** Seed 004 query (WIRE.md): every parameter optional; page_size 1–500 (default 50), order_by `create_time desc` by default. */
export const hourlyDetailsQuery = z.strictObject({
  filter: z.string().max(2000).optional(),
  order_by: z
    .string()
    .regex(/^\s*(create_time|amount|quantity)(\s+(asc|desc))?\s*$/i, 'order_by is create_time, amount or quantity, optionally followed by asc or desc')
    .optional(),
  page_size: pageSize.optional(),
  page_token: z.string().max(2048).optional(),
  bill_detail_id: z.string().regex(/^(ba|rg)_[a-z0-9]{1,60}$/, 'bill_detail_id is a billing account (ba_…) or resource group (rg_…) id').optional(),
  sku_ids: idList.optional(),
  spu_ids: idList.optional(),
});
export type HourlyDetailsQuery = z.output<typeof hourlyDetailsQuery>;

export const hourlyDetailsParams = z.strictObject({ bill_id: z.string().min(1).max(64) });

const wireMoney = z.object({ currency_code: z.string(), units: wireDecimalNumber, nanos: z.number().int() });

export const billHourlyDetail = z.object({
  id: z.string(),
  resource_owner_id: z.string(),
  resource_owner_name: z.string(),
  resource_group_id: z.string(),
  resource_group_name: z.string(),
  subscription_id: z.string(),
  billing_account_id: z.string(),
  bill_month: z.string().describe('yyyyMMddhh-hh in the tenant\'s timezone'),
  spu_id: z.string(),
  spu_name: z.string(),
  amount: wireMoney,
  original_amount: wireMoney,
  discount_amount: wireMoney,
  coupon_amount: wireMoney,
  voucher_amount: wireMoney,
  paid_amount: wireMoney,
  unpaid_amount: wireMoney,
  state: z.enum(['BS_UNSPECIFIED', 'BS_PENDING', 'BS_DUE', 'BS_PAYING', 'BS_PAID', 'BS_FAILED', 'BS_WRITEOFF', 'BS_CANCELED']),
  payment_model: z.enum(['PM_UNSPECIFIED', 'PM_PREPAID', 'PM_POSTPAID']),
  create_time: z.string(),
  sku_id: z.string(),
  sku_name: z.string(),
  quantity: wireDecimalNumber,
  billing_item_property_name: z.string(),
  billing_item_display_name: z.string(),
  consume_type: z.enum(['CT_UNSPECIFIED', 'CT_CONSUMPTION', 'CT_REFUND', 'CT_RECONCILIATION']),
  consume_desc: z.string(),
  resource_name: z.string(),
  subscription_name: z.string(),
  resource_instance_id: z.string(),
  management_group_display_name: z.string(),
  billing_account_display_name: z.string(),
  management_group_uuid: z.string(),
  backend_catalog_id: z.string(),
  backend_catalog_displayname: z.string(),
  tenant_id: z.string(),
  tenant_type: z.string(),
});
export type BillHourlyDetail = z.output<typeof billHourlyDetail>;

export type BossFilter = { id: string; display_name: string; children: BossFilter[] };
/** The facet tree has three levels (category → SPU → SKU), spelled out so the OpenAPI document needs no recursive $ref. */
const bossNode = <C extends z.ZodType>(children: C) => z.object({ id: z.string(), display_name: z.string(), children: z.array(children) });
const bossFilter = bossNode(bossNode(bossNode(z.object({}).describe('a SKU has no children')).describe('SKU')).describe('SPU')).describe('category');

export const listBillHourlyDetailsResponse = z.object({
  bill_hourly_details: z.array(billHourlyDetail),
  next_page_token: z.string(),
  total_size: z.number().int(),
  filter: z.object({
    resource_owner: z.record(z.string(), z.string()),
    subscription_owner: z.record(z.string(), z.string()),
    billing_accounts: z.record(z.string(), z.string()),
    boss_filters: z.array(bossFilter),
  }),
});
export type ListBillHourlyDetailsResponse = z.output<typeof listBillHourlyDetailsResponse>;
