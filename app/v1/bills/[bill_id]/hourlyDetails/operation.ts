import { hourlyDetailEnvelope } from '@/server/rest/envelopes';
import { tenantOperation } from '@/server/rest/operations';
import { Decimal } from '@/server/money';
import { hourlyDetailsParams, hourlyDetailsQuery, listBillHourlyDetailsResponse } from '@/server/bills/schema';
import { toWireMoney } from '@/server/bills/money-wire';

const yuan = (amount: string) => toWireMoney(amount, 'CNY');

/** Seed 004 ListBillHourlyDetails, declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'get',
  path: '/v1/bills/{bill_id}/hourlyDetails',
  operationId: 'ListBillHourlyDetails',
  seed: '004',
  summary: 'The hourly detail rows of one monthly bill (its charge lines), keyset-paged with a signed `page_token`, filtered by a conjunction '
    + '`field = "value" AND …` over resource_group_id, resource_owner_id, subscription_id, billing_account_id, spu_id, sku_id, state, '
    + 'consume_type and payment_model, and by `sku_ids` / `spu_ids` / `bill_detail_id` (a ba_… or rg_… id). `order_by`: create_time, amount or '
    + 'quantity, optionally `desc` (default `create_time desc`); `page_size` 1–500 (default 50). Money is `{currency_code, units, nanos}` exactly; '
    + '`total_size` and the `filter` facets describe every row that matches, not just the page. Another tenant\'s bill is 404.',
  scope: 'read',
  params: hourlyDetailsParams,
  query: hourlyDetailsQuery,
  response: listBillHourlyDetailsResponse,
  envelope: hourlyDetailEnvelope,
  example: {
    params: { bill_id: 'bill_k3m9q2x7v1c5n8p4' },
    query: { filter: 'sku_id = "sku_api_calls"', page_size: '50' },
    response: {
      bill_hourly_details: [{
        id: 'chg_7h2k9m4q1x8v3c6n', resource_owner_id: 'usr_a1b2c3d4e5f6g7h8', resource_owner_name: '张伟', resource_group_id: 'rg_default0000000',
        resource_group_name: 'default', subscription_id: 'sub_p9q8r7s6t5u4v3w2', billing_account_id: 'ba_main000000000000', bill_month: '2026110314-15',
        spu_id: 'spu_identity', spu_name: '身份认证', amount: yuan('1.62'), original_amount: yuan('1.62'), discount_amount: yuan('0'),
        coupon_amount: yuan('0'), voucher_amount: yuan('0'), paid_amount: yuan('0'), unpaid_amount: yuan('1.62'), state: 'BS_PENDING',
        payment_model: 'PM_POSTPAID', create_time: '2026-11-03T07:00:05Z', sku_id: 'sku_api_calls', sku_name: 'API 调用', quantity: new Decimal(5400),
        billing_item_property_name: 'api_calls', billing_item_display_name: 'API 调用', consume_type: 'CT_CONSUMPTION', consume_desc: '',
        resource_name: 'checkout-web', subscription_name: '专业版', resource_instance_id: 'res_c8d7e6f5a4b3c2d1', management_group_display_name: '研发部',
        billing_account_display_name: '主账户', management_group_uuid: '7d1f0c7e-2a4b-4c8d-9e6f-1a2b3c4d5e6f', backend_catalog_id: 'cat_identity',
        backend_catalog_displayname: '身份与访问', tenant_id: 'tnt_demo', tenant_type: 'FREEMIUM',
      }],
      next_page_token: '',
      total_size: 1,
      filter: {
        resource_owner: { usr_a1b2c3d4e5f6g7h8: '张伟' },
        subscription_owner: { sub_p9q8r7s6t5u4v3w2: '专业版' },
        billing_accounts: { ba_main000000000000: '主账户' },
        boss_filters: [{ id: 'cat_identity', display_name: '身份与访问', children: [{ id: 'spu_identity', display_name: '身份认证', children: [{ id: 'sku_api_calls', display_name: 'API 调用', children: [] }] }] }],
      },
    },
  },
});
