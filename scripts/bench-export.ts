/**
 * `npm run bench:export`: the compliance export (seed 000) of a user with 10,000 billing records,
 * end to end over HTTP, beside a floor.
 *
 *   portal  started exactly as `npm start` does (scripts/start.ts), with bench:api's data dir,
 *           build folder (data/bench, data/bench/next) and its own port; don't run both at once;
 *   floor   a bare node:http server in this process that reads the same rows with `pg` (one
 *           keyset-paged statement per 1,000 records, numerics as text) and writes the same JSON.
 *
 * The user is seeded set-based with SQL into the product's own tables (a tenant, a user, a
 * membership, 10,000 billing records with one line each; idempotent, fixed ids), not through the
 * domain functions: issuing 10,000 invoices one by one would take minutes. Both bodies are compared
 * (timestamps aside) before timing; then each side is timed over 5 alternating rounds after a
 * warm-up, reading the whole streamed body. Prints both medians and the ratio; goal: portal < 1 s.
 */
import { createServer as createHttpServer, type ServerResponse } from 'node:http';
import pg from 'pg';
import { runBench, startPortal } from './bench/portal';

const RECORDS = 10_000;
const ROUNDS = 5;
const BATCH = 1000;
const TENANT = 'tnt_benchexport';
const USER = 'usr_benchexport';
const PATH = '/internal/billing/export-user-data';
const WATCHDOG_MS = 20 * 60_000;
/** Set-based seed into the product's tables; a second run finds it in place. */
async function seed(db: pg.Pool) {
  await db.query(`INSERT INTO tenants (id, name, currency, locale, updated_at) VALUES ($1, 'Bench export', 'CNY', 'zh-CN', now()) ON CONFLICT DO NOTHING`, [TENANT]);
  await db.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, 'bench-export@bench.test', 'Bench export', 'x', now()) ON CONFLICT DO NOTHING`, [USER]);
  await db.query(`INSERT INTO memberships (tenant_id, user_id, role, updated_at) VALUES ($1, $2, 'owner', now()) ON CONFLICT DO NOTHING`, [TENANT, USER]);
  await db.query(`INSERT INTO billing_records (tenant_id, id, type, status, description, currency, subtotal, tax_amount, amount, created_at, updated_at)
    SELECT $1, 'rec_b' || lpad(g::text, 6, '0'), 'subscription', 'paid', '专业版月度订阅 #' || g, 'CNY', 99, 5.94, 12345678901.123456789, now(), now()
    FROM generate_series(1, $2::int) g ON CONFLICT DO NOTHING`, [TENANT, RECORDS]);
  await db.query(`INSERT INTO billing_line_items (tenant_id, id, billing_record_id, position, resource_type, description, quantity, unit_price, amount, tax_rate, tax_amount)
    SELECT $1, 'li_b' || lpad(g::text, 6, '0'), 'rec_b' || lpad(g::text, 6, '0'), 1, 'subscription', '专业版月度订阅', 1, 99, 99, 0.06, 5.94
    FROM generate_series(1, $2::int) g ON CONFLICT DO NOTHING`, [TENANT, RECORDS]);
}

const q = (value: unknown) => JSON.stringify(value);
const when = (value: Date | null) => q(value ? value.toISOString().replace('.000Z', 'Z') : '');

/** The floor: the same document for this one user, straight from SQL text to the socket. */
async function floorExport(db: pg.Pool, userId: string, res: ServerResponse) {
  const write = (text: string) => new Promise<void>((done) => (res.write(text) ? done() : res.once('drain', done)));
  const tenants = await db.query<{ tenant_id: string; role: string }>('SELECT tenant_id, role::text FROM memberships WHERE user_id = $1 ORDER BY tenant_id', [userId]);
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  await write(`{"code":200,"message":"ok","timestamp":${q(at)},"data":{"user_id":${q(userId)},"exported_at":${q(at)},"tenants":[`);
  for (const [index, { tenant_id: t, role }] of tenants.rows.entries()) {
    const subs = await db.query('SELECT id FROM subscriptions WHERE tenant_id = $1 ORDER BY id', [t]);
    if (subs.rowCount) throw new Error('the floor writes no subscriptions: the bench user has none');
    await write(`${index ? ',' : ''}{"tenant_id":${q(t)},"role":${q(role)},"subscriptions":[],"billing_records":[`);
    let first = true;
    for (let after = ''; ;) {
      const { rows } = await db.query(`WITH page AS (SELECT id, app_id, invoice_number, type::text, status::text, description, currency, trim_scale(amount)::text AS amount, created_at
          FROM billing_records WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3)
        SELECT page.*, li.description AS ld, li.resource_type AS lr, round(li.quantity)::text AS lq, trim_scale(li.unit_price)::text AS lu, trim_scale(li.amount)::text AS la,
          trim_scale(li.tax_rate)::text AS ltr, trim_scale(li.tax_amount)::text AS lta
        FROM page LEFT JOIN billing_line_items li ON li.tenant_id = $1 AND li.billing_record_id = page.id ORDER BY page.id, li.position`, [t, after, BATCH]);
      let count = 0;
      let chunk = '';
      for (let i = 0; i < rows.length;) {
        const r = rows[i];
        const items: string[] = [];
        for (; i < rows.length && rows[i].id === r.id; i++) {
          const l = rows[i];
          if (l.la !== null) items.push(`{"amount":${l.la},"description":${q(l.ld)},"quantity":${l.lq},"resource_type":${q(l.lr)},"tax_amount":${l.lta},"tax_rate":${l.ltr},"unit_price":${l.lu}}`);
        }
        chunk += `${first ? '' : ','}{"amount":${r.amount},"app_id":${q(r.app_id ?? '')},"created_at":${when(r.created_at)},"currency":${q(r.currency)},"description":${q(r.description)},"invoice_number":${q(r.invoice_number ?? '')},"line_items":[${items.join(',')}],"record_id":${q(r.id)},"status":${q(r.status)},"tenant_id":${q(t)},"type":${q(r.type)}}`;
        first = false;
        count += 1;
        after = r.id;
      }
      await write(chunk);
      if (count < BATCH) break;
    }
    const balance = await db.query(`SELECT t.currency, trim_scale(c.balance)::text AS balance, c.created_at FROM tenants t
      LEFT JOIN LATERAL (SELECT balance, created_at FROM credit_transactions WHERE tenant_id = t.id ORDER BY seq DESC LIMIT 1) c ON true WHERE t.id = $1`, [t]);
    const b = balance.rows[0];
    await write(`],"credit_balance":{"balance":${b.balance ?? '0'},"currency":${q(b.currency)},"tenant_id":${q(t)},"updated_at":${when(b.created_at)}},"credit_transactions":[`);
    for (const table of ['credit_transactions', 'usage_daily', 'usage_alerts', 'metered_billing_items']) {
      const { rowCount } = await db.query(`SELECT 1 FROM ${table} WHERE tenant_id = $1 LIMIT 1`, [t]);
      if (rowCount) throw new Error(`the floor writes no ${table}: the bench tenant has none`);
    }
    await write('],"usage_stats":[],"usage_alerts":[],"metered_billing":[]}');
  }
  res.end(']}}');
}

async function timed(url: string, headers: Record<string, string>) {
  const start = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ user_id: USER }), signal: AbortSignal.timeout(120_000) });
  const text = await response.text();
  return { ms: performance.now() - start, status: response.status, text };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const stable = (text: string) => text.replace(/"(timestamp|exported_at)":"[^"]*"/g, '"$1":""');

async function main(): Promise<boolean> {
  const portal = await startPortal('bench', { COUNTERFOIL_WORKER: 'off' });
  const portalBase = portal.base;
  const db = new pg.Pool({ connectionString: portal.databaseUrl, max: 4 });
  const seeding = performance.now();
  await seed(db);
  console.log(`[bench:export] seeded ${RECORDS} billing records (set-based SQL) in ${(performance.now() - seeding).toFixed(0)} ms`);
  const floor = createHttpServer((req, res) => {
    floorExport(db, USER, res).catch((error: unknown) => { console.error(error); res.destroy(); });
  });
  await new Promise<void>((done) => floor.listen(0, '127.0.0.1', done));
  const floorUrl = `http://127.0.0.1:${(floor.address() as { port: number }).port}${PATH}`;

  const headers = { authorization: `Bearer ${portal.serviceCredentials['compliance-service']}` };
  try {
    const [p, f] = [await timed(portalBase + PATH, headers), await timed(floorUrl, {})];
    if (p.status !== 200 || stable(p.text) !== stable(f.text)) {
      const diff = [...stable(p.text)].findIndex((c, i) => c !== stable(f.text)[i]);
      throw new Error(`floor and portal disagree (portal ${p.status}, ${p.text.length} vs ${f.text.length} bytes, first difference at ${diff}: ${stable(p.text).slice(diff - 80, diff + 80)} | ${stable(f.text).slice(diff - 80, diff + 80)})`);
    }
    console.log(`[bench:export] bodies agree (timestamps aside): ${(p.text.length / 1024 / 1024).toFixed(2)} MB, ${RECORDS} records`);
    const times = { portal: [] as number[], floor: [] as number[] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? (['portal', 'floor'] as const) : (['floor', 'portal'] as const);
      for (const side of order) times[side].push((await timed(side === 'portal' ? portalBase + PATH : floorUrl, side === 'portal' ? headers : {})).ms);
    }
    const [pm, fm] = [median(times.portal), median(times.floor)];
    console.log(`\nPOST ${PATH}, ${RECORDS} billing records, ${ROUNDS} alternating rounds, whole streamed body read`);
    console.log(`  portal  median ${pm.toFixed(0)} ms  (${times.portal.map((t) => t.toFixed(0)).join(', ')})`);
    console.log(`  floor   median ${fm.toFixed(0)} ms  (${times.floor.map((t) => t.toFixed(0)).join(', ')})`);
    console.log(`  ratio   portal/floor ${(pm / fm).toFixed(2)}×`);
    console.log(pm < 1000 ? '  within goal (portal < 1 s)' : '  MISSED goal (portal < 1 s)');
    return pm < 1000;
  } finally {
    floor.close();
    await db.end();
  }
}

runBench('bench:export', WATCHDOG_MS, main);
