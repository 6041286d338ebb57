import { Prisma } from '../db';
import type { HourlyFilter } from './hourly-filter';
import type { OrderField } from './schema';

/**
 * The SQL of seed 004, built once as parameterised `Prisma.Sql` so the route and the benchmark's
 * bare floor run the very same statements. Every statement starts from `tenant_id = … AND
 * bill_id = …`, which the keyset indexes on charge_lines lead with: no sequential scan of the
 * detail table, and pages are keyset (never OFFSET).
 */
export type HourlySqlInput = {
  tenantId: string;
  billId: string;
  filter: HourlyFilter;
  billState: string;
  skuIds: string[];
  spuIds: string[];
  billDetailId?: string;
  order: { field: OrderField; descending: boolean };
  after?: { value: string; id: string };
  limit: number;
};

const ORDER_COLUMN: Record<OrderField, Prisma.Sql> = {
  create_time: Prisma.sql`c.created_at`,
  amount: Prisma.sql`c.amount`,
  quantity: Prisma.sql`c.quantity`,
};

/** The keyset value as SQL reads it back (a timestamp, or an exact numeric). */
const ORDER_CAST: Record<OrderField, (value: string) => Prisma.Sql> = {
  create_time: (value) => Prisma.sql`${value}::timestamptz`,
  amount: (value) => Prisma.sql`${value}::numeric`,
  quantity: (value) => Prisma.sql`${value}::numeric`,
};

function conditions(input: HourlySqlInput): Prisma.Sql {
  const f = input.filter;
  const parts: Prisma.Sql[] = [Prisma.sql`c.tenant_id = ${input.tenantId}`, Prisma.sql`c.bill_id = ${input.billId}`];
  // The state is the bill's: a filter on another state matches no row of this bill.
  if (f.state && f.state !== input.billState) parts.push(Prisma.sql`FALSE`);
  if (f.resourceGroupId) parts.push(Prisma.sql`c.resource_group_id = ${f.resourceGroupId}`);
  if (f.resourceOwnerId) parts.push(Prisma.sql`c.owner_user_id = ${f.resourceOwnerId}`);
  if (f.subscriptionId) parts.push(Prisma.sql`c.subscription_id = ${f.subscriptionId}`);
  if (f.billingAccountId) parts.push(Prisma.sql`c.billing_account_id = ${f.billingAccountId}`);
  if (f.spuId) parts.push(Prisma.sql`c.spu_id = ${f.spuId}`);
  if (f.skuId) parts.push(Prisma.sql`c.sku_id = ${f.skuId}`);
  if (f.consumeType) parts.push(Prisma.sql`c.consume_type = ${f.consumeType}::consume_type`);
  if (f.paymentModel) parts.push(Prisma.sql`c.payment_model = ${f.paymentModel}::payment_model`);
  if (input.skuIds.length) parts.push(Prisma.sql`c.sku_id = ANY(${input.skuIds})`);
  if (input.spuIds.length) parts.push(Prisma.sql`c.spu_id = ANY(${input.spuIds})`);
  if (input.billDetailId?.startsWith('ba_')) parts.push(Prisma.sql`c.billing_account_id = ${input.billDetailId}`);
  if (input.billDetailId?.startsWith('rg_')) parts.push(Prisma.sql`c.resource_group_id = ${input.billDetailId}`);
  return Prisma.join(parts, ' AND ');
}

/** One page of rows with everything a BillHourlyDetail prints, limit + 1 to know whether more follow. */
export function hourlyRowsSql(input: HourlySqlInput): Prisma.Sql {
  const column = ORDER_COLUMN[input.order.field];
  const direction = input.order.descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const after = input.after
    ? input.order.descending
      ? Prisma.sql`AND (${column}, c.id) < (${ORDER_CAST[input.order.field](input.after.value)}, ${input.after.id})`
      : Prisma.sql`AND (${column}, c.id) > (${ORDER_CAST[input.order.field](input.after.value)}, ${input.after.id})`
    : Prisma.empty;
  return Prisma.sql`
    SELECT c.id, c.owner_user_id, owner.name AS owner_name, c.resource_group_id, rg.name AS resource_group_name,
           c.subscription_id, plan.name AS plan_name, plan.name_zh AS plan_name_zh, c.billing_account_id, ba.display_name AS billing_account_name,
           c.hour_start, c.spu_id, spu.name AS spu_name, spu.name_zh AS spu_name_zh, c.sku_id, sku.name AS sku_name, sku.name_zh AS sku_name_zh,
           sku.billing_item_property_name, c.currency, c.amount, c.original_amount, c.discount_amount, c.coupon_amount, c.voucher_amount,
           c.paid_amount, c.unpaid_amount, c.payment_model::text AS payment_model, c.created_at, c.quantity, c.consume_type::text AS consume_type,
           c.consume_desc, c.resource_id, res.name AS resource_name, mg.display_name AS management_group_name, mg.uuid::text AS management_group_uuid,
           c.category_id, cat.name AS category_name, cat.name_zh AS category_name_zh,
           ${column}::text AS order_value
      FROM charge_lines c
      JOIN skus sku ON sku.id = c.sku_id
      JOIN spus spu ON spu.id = c.spu_id
      JOIN product_categories cat ON cat.id = c.category_id
      JOIN billing_accounts ba ON ba.tenant_id = c.tenant_id AND ba.id = c.billing_account_id
      LEFT JOIN users owner ON owner.id = c.owner_user_id
      LEFT JOIN resource_groups rg ON rg.tenant_id = c.tenant_id AND rg.id = c.resource_group_id
      LEFT JOIN management_groups mg ON mg.tenant_id = rg.tenant_id AND mg.id = rg.management_group_id
      LEFT JOIN resources res ON res.tenant_id = c.tenant_id AND res.id = c.resource_id
      LEFT JOIN subscriptions sub ON sub.tenant_id = c.tenant_id AND sub.id = c.subscription_id
      LEFT JOIN plans plan ON plan.code = sub.plan_code
     WHERE ${conditions(input)} ${after}
     ORDER BY ${column} ${direction}, c.id ${direction}
     LIMIT ${input.limit + 1}`;
}

/**
 * The facets and the total in one pass over the matching rows: one group per distinct
 * (owner, subscription, account, category, SPU, SKU) with its row count, names joined after.
 */
export function hourlyFacetsSql(input: HourlySqlInput): Prisma.Sql {
  return Prisma.sql`
    SELECT g.rows::int AS rows, g.owner_user_id, owner.name AS owner_name, g.subscription_id, plan.name AS plan_name, plan.name_zh AS plan_name_zh,
           g.billing_account_id, ba.display_name AS billing_account_name, g.category_id, cat.name AS category_name, cat.name_zh AS category_name_zh,
           g.spu_id, spu.name AS spu_name, spu.name_zh AS spu_name_zh, g.sku_id, sku.name AS sku_name, sku.name_zh AS sku_name_zh
      FROM (SELECT count(*) AS rows, c.owner_user_id, c.subscription_id, c.billing_account_id, c.category_id, c.spu_id, c.sku_id
              FROM charge_lines c
             WHERE ${conditions(input)}
             GROUP BY c.owner_user_id, c.subscription_id, c.billing_account_id, c.category_id, c.spu_id, c.sku_id) g
      JOIN skus sku ON sku.id = g.sku_id
      JOIN spus spu ON spu.id = g.spu_id
      JOIN product_categories cat ON cat.id = g.category_id
      JOIN billing_accounts ba ON ba.tenant_id = ${input.tenantId} AND ba.id = g.billing_account_id
      LEFT JOIN users owner ON owner.id = g.owner_user_id
      LEFT JOIN subscriptions sub ON sub.tenant_id = ${input.tenantId} AND sub.id = g.subscription_id
      LEFT JOIN plans plan ON plan.code = sub.plan_code
     ORDER BY cat.sort_order, cat.id, spu.sort_order, spu.id, sku.sort_order, sku.id`;
}

export type HourlyRow = {
  id: string; owner_user_id: string | null; owner_name: string | null; resource_group_id: string | null; resource_group_name: string | null;
  subscription_id: string | null; plan_name: string | null; plan_name_zh: string | null; billing_account_id: string; billing_account_name: string;
  hour_start: Date; spu_id: string; spu_name: string; spu_name_zh: string; sku_id: string; sku_name: string; sku_name_zh: string;
  billing_item_property_name: string; currency: string; amount: Prisma.Decimal; original_amount: Prisma.Decimal; discount_amount: Prisma.Decimal;
  coupon_amount: Prisma.Decimal; voucher_amount: Prisma.Decimal; paid_amount: Prisma.Decimal; unpaid_amount: Prisma.Decimal;
  payment_model: string; created_at: Date; quantity: Prisma.Decimal; consume_type: string; consume_desc: string | null; resource_id: string | null;
  resource_name: string | null; management_group_name: string | null; management_group_uuid: string | null; category_id: string;
  category_name: string; category_name_zh: string; order_value: string;
};

export type FacetRow = {
  rows: number; owner_user_id: string | null; owner_name: string | null; subscription_id: string | null; plan_name: string | null; plan_name_zh: string | null;
  billing_account_id: string; billing_account_name: string; category_id: string; category_name: string; category_name_zh: string;
  spu_id: string; spu_name: string; spu_name_zh: string; sku_id: string; sku_name: string; sku_name_zh: string;
};
