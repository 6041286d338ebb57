/**
 * Seed 001's one statement (`GET /billing/records/{tenant_id}`): the tenant's record count, the
 * page of records and each record's line items as a JSON array, in one round trip. Only the
 * printed columns are read; numerics travel as text so their digits stay exact, already as the
 * wire prints them (trim_scale: no trailing zeros; quantities rounded to whole units, half up). The count is the
 * left side, so a page past the end still answers one row (the total, the page columns null).
 * Plain text with no imports: the seed 001 bench floor (scripts/bench/records-floor.ts) runs the same text.
 *
 * Parameters: $1 tenant id, $2 page size, $3 offset, and $4 the app id when filtering by app.
 */
export function billingRecordsPageSql(byApp: boolean): string {
  const app = byApp ? ' AND app_id = $4' : '';
  return `SELECT total.n AS total, page.id, page.tenant_id, page.app_id, page.invoice_number, page.type, page.status, page.description, page.currency, page.amount, page.created_at, lines.items AS line_items
FROM (SELECT count(*) AS n FROM billing_records WHERE tenant_id = $1${app}) total
LEFT JOIN LATERAL (
  SELECT id, tenant_id, app_id, invoice_number, type::text AS type, status::text AS status, description, currency, trim_scale(amount)::text AS amount, created_at
  FROM billing_records WHERE tenant_id = $1${app} ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3) page ON true
LEFT JOIN LATERAL (
  SELECT COALESCE(json_agg(json_build_object('description', li.description, 'resourceType', li.resource_type, 'quantity', round(li.quantity)::text, 'unitPrice', trim_scale(li.unit_price)::text,
    'amount', trim_scale(li.amount)::text, 'taxRate', trim_scale(li.tax_rate)::text, 'taxAmount', trim_scale(li.tax_amount)::text) ORDER BY li.position), '[]'::json) AS items
  FROM billing_line_items li WHERE li.tenant_id = page.tenant_id AND li.billing_record_id = page.id) lines ON true
ORDER BY page.created_at DESC, page.id DESC`;
}

/** One row of billingRecordsPageSql: `id` is null on the single row of an empty page. */
export type BillingRecordsPageRow = {
  total: bigint | number | string; id: string | null; tenant_id: string; app_id: string | null; invoice_number: string | null; type: string; status: string;
  description: string; currency: string; amount: string; created_at: Date;
  line_items: { description: string; resourceType: string; quantity: string; unitPrice: string; amount: string; taxRate: string; taxAmount: string }[];
};
