import type pg from 'pg';
import { fromLocal, toLocal } from '../../server/time/zoned';

/**
 * The bench's data for seeds 002 and 004: a year of hourly charge lines for `tnt_demo` on a billing
 * account of its own — twelve monthly bills, 1,000,000 rows in all (≈ 83,000 a bill, ≈ 114 an hour:
 * five SKUs × resources in three resource groups with owners), written by set-based SQL. Amounts
 * keep the charge-line invariants (original − included − coupon − voucher = amount = paid + unpaid)
 * with exact decimals; closed months are paid, the open one is owed; a few refunds are negative.
 * Idempotent: a second run finds the rows and writes nothing.
 */
export const BENCH_ROWS = 1_000_000;
const TENANT = 'tnt_demo';
const ACCOUNT = 'ba_bench1m';
const MONTHS = 12;

export type BenchBills = { bills: { id: string; month: string; rows: number }[]; timezone: string };

async function months(db: pg.Pool): Promise<{ id: string; month: string; start: Date; end: Date }[]> {
  const tenant = (await db.query('SELECT billing_timezone FROM tenants WHERE id = $1', [TENANT])).rows[0];
  const zone: string = tenant.billing_timezone;
  const here = toLocal(new Date(), zone);
  return Array.from({ length: MONTHS }, (_, i) => {
    const back = new Date(Date.UTC(here.year, here.month - 1 - (MONTHS - 1 - i), 1));
    const next = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 1));
    const month = `${back.getUTCFullYear()}${String(back.getUTCMonth() + 1).padStart(2, '0')}`;
    const start = fromLocal({ year: back.getUTCFullYear(), month: back.getUTCMonth() + 1, day: 1 }, zone);
    const end = fromLocal({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: 1 }, zone);
    return { id: `bill_bench1m${month}`, month, start, end };
  });
}

async function ensureOrganisation(db: pg.Pool) {
  await db.query(`INSERT INTO billing_accounts (tenant_id, id, name, display_name, currency, updated_at) VALUES ($1, $2, 'bench-1m', '压测账户', 'CNY', now()) ON CONFLICT DO NOTHING`, [TENANT, ACCOUNT]);
  await db.query(`INSERT INTO management_groups (tenant_id, id, uuid, display_name, updated_at) VALUES ($1, 'mg_bench1m', '0b6f9c1e-5d2a-4f7b-8c3e-9a1d2b3c4e5f', '压测管理组', now()) ON CONFLICT DO NOTHING`, [TENANT]);
  const owners = (await db.query(`SELECT user_id FROM memberships WHERE tenant_id = $1 ORDER BY user_id LIMIT 3`, [TENANT])).rows.map((r) => r.user_id as string);
  for (let g = 1; g <= 3; g++) {
    await db.query(`INSERT INTO resource_groups (tenant_id, id, name, billing_account_id, management_group_id, owner_user_id, updated_at)
      VALUES ($1, $2, $3, $4, 'mg_bench1m', $5, now()) ON CONFLICT DO NOTHING`, [TENANT, `rg_bench1m${g}`, `bench-group-${g}`, ACCOUNT, owners[(g - 1) % owners.length]]);
    for (let r = 1; r <= 2; r++) {
      await db.query(`INSERT INTO resources (tenant_id, id, name, resource_group_id, owner_user_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [TENANT, `res_bench1m${g}${r}`, `bench-service-${g}-${r}`, `rg_bench1m${g}`, owners[(g + r) % owners.length]]);
    }
  }
}

/** One month's rows: SKUs and resources cycle over the row number; the hour walks through the month. */
const MONTH_SQL = `
  WITH sku AS (SELECT s.id, s.spu_id, sp.category_id, s.resource_type, p.price, row_number() OVER (ORDER BY s.id) - 1 AS k
                 FROM skus s JOIN spus sp ON sp.id = s.spu_id
                 JOIN LATERAL (SELECT unit_price AS price FROM sku_prices WHERE sku_id = s.id AND currency = 'CNY' ORDER BY effective_from DESC LIMIT 1) p ON true
                WHERE s.resource_type IN ('api_calls', 'active_users', 'mfa_verifications', 'storage_gb', 'bandwidth_gb')),
       res AS (SELECT r.id, r.resource_group_id, r.owner_user_id, row_number() OVER (ORDER BY r.id) - 1 AS k FROM resources r WHERE r.tenant_id = $1 AND r.id LIKE 'res_bench1m%'),
       gen AS (SELECT g, (g % 5) AS sk, (g % 6) AS rk, (g % 997 = 0) AS refund,
                      CASE WHEN g % 997 = 0 THEN -((g % 50) + 1) ELSE (g % 1000) + 1 END AS qty
                 FROM generate_series(1, $5::int) g),
       priced AS (SELECT gen.*, sku.id AS sku_id, sku.spu_id, sku.category_id, sku.resource_type, sku.price, res.id AS resource_id,
                         res.resource_group_id, res.owner_user_id, gen.qty * sku.price AS original,
                         CASE WHEN gen.g % 10 = 0 AND NOT gen.refund THEN gen.qty * sku.price ELSE 0 END AS included,
                         CASE WHEN gen.g % 17 = 0 AND NOT gen.refund THEN 0.01 ELSE 0 END AS coupon,
                         CASE WHEN gen.g % 29 = 0 AND NOT gen.refund THEN 0.02 ELSE 0 END AS voucher
                    FROM gen JOIN sku ON sku.k = gen.sk JOIN res ON res.k = gen.rk)
  INSERT INTO charge_lines (tenant_id, id, bill_id, billing_account_id, resource_group_id, resource_id, owner_user_id, sku_id, spu_id, category_id,
                            resource_type, hour_start, quantity, included_quantity, unit_price, original_amount, discount_amount, coupon_amount,
                            voucher_amount, amount, paid_amount, unpaid_amount, currency, payment_model, consume_type, provisional, created_at, updated_at)
  SELECT $1, 'chg_b1m' || $2 || '_' || g, $2, $6, resource_group_id, resource_id, owner_user_id, sku_id, spu_id, category_id, resource_type,
         $3::timestamptz + ((g - 1) % $7::int) * interval '1 hour', qty, CASE WHEN included > 0 THEN qty ELSE 0 END, price, original, included,
         LEAST(coupon, GREATEST(original - included, 0)), LEAST(voucher, GREATEST(original - included - coupon, 0)),
         original - included - LEAST(coupon, GREATEST(original - included, 0)) - LEAST(voucher, GREATEST(original - included - coupon, 0)),
         CASE WHEN $4 THEN original - included - LEAST(coupon, GREATEST(original - included, 0)) - LEAST(voucher, GREATEST(original - included - coupon, 0)) ELSE 0 END,
         CASE WHEN $4 THEN 0 ELSE original - included - LEAST(coupon, GREATEST(original - included, 0)) - LEAST(voucher, GREATEST(original - included - coupon, 0)) END,
         'CNY', 'postpaid', CASE WHEN refund THEN 'refund'::consume_type ELSE 'consumption'::consume_type END, NOT $4,
         $3::timestamptz + ((g - 1) % $7::int) * interval '1 hour' + interval '5 minutes' + (g / $7::int) * interval '1 millisecond', now()
    FROM priced
  ON CONFLICT DO NOTHING`;

export async function ensureBenchBills(db: pg.Pool, log: (line: string) => void): Promise<BenchBills> {
  await ensureOrganisation(db);
  const all = await months(db);
  const perMonth = Math.floor(BENCH_ROWS / MONTHS);
  const bills = [];
  for (const [index, m] of all.entries()) {
    const closed = index < all.length - 1;
    await db.query(`INSERT INTO bills (tenant_id, id, billing_account_id, bill_month, period_start, period_end, currency, state, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, 'CNY', $7::bill_state, now()) ON CONFLICT DO NOTHING`, [TENANT, m.id, ACCOUNT, m.month, m.start, m.end, closed ? 'paid' : 'pending']);
    const have = Number((await db.query('SELECT count(*) FROM charge_lines WHERE tenant_id = $1 AND bill_id = $2', [TENANT, m.id])).rows[0].count);
    if (have < perMonth) {
      const started = Date.now();
      const hours = Math.round((m.end.getTime() - m.start.getTime()) / 3_600_000);
      await db.query(MONTH_SQL, [TENANT, m.id, m.start, closed, perMonth, ACCOUNT, hours]);
      log(`[bench] wrote ${perMonth} charge lines for ${m.month} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await db.query(`UPDATE bills SET amount = (SELECT COALESCE(sum(amount), 0) FROM charge_lines WHERE tenant_id = $1 AND bill_id = $2) WHERE tenant_id = $1 AND id = $2`, [TENANT, m.id]);
    bills.push({ id: m.id, month: m.month, rows: perMonth });
  }
  await db.query('VACUUM ANALYZE charge_lines');
  const timezone = (await db.query('SELECT billing_timezone FROM tenants WHERE id = $1', [TENANT])).rows[0].billing_timezone as string;
  return { bills, timezone };
}
