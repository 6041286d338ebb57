/**
 * `npm run bench:bills` (also the second half of `npm run bench:api`): seed 004
 * `GET /v1/bills/{bill_id}/hourlyDetails` (a first page, a deep page by token, a filtered and
 * re-ordered page) and seed 002 `GET /api/v1/billing/detail/list` (one month) over 1,000,000
 * charge lines (scripts/bench/bills-data.ts), on the portal as `npm start` runs it, beside a bare
 * node:http + pg floor running the same SQL on a pool of the same size in the same run
 * (scripts/bench/bills-floor.ts). Bodies are compared first; then p50/p95 per side and the ratio,
 * against the goal p95 ≤ 2× the floor. Every statement the endpoints run is EXPLAINed: a
 * sequential scan of charge_lines fails the run.
 */
import pg from 'pg';
import { dailyDetailSql, dailyRange } from '../server/bills/daily-detail';
import { planHourlyQuery } from '../server/bills/hourly-details';
import { hourlyDetailsQuery } from '../server/bills/schema';
import { ensureBenchBills } from './bench/bills-data';
import { alternate, fetchText, resultLine, runBench, startFloor, startPortal } from './bench/portal';

const RATIO_GOAL = 2;
const CONNECTIONS = 4;
const REQUESTS = 160; // a side, over 4 alternating rounds
const DEEP_PAGES = 40; // × 500 rows: the deep page starts 20,000 rows in

type Scenario = { name: string; path: string; query: Record<string, string>; billId?: string };

/** The bodies must agree, but for the 002 envelope's trace id and the 004 page token (it carries the time it was issued). */
function comparable(text: string) {
  return text.replace(/"traceId":"[^"]*"/, '"traceId":""').replace(/"next_page_token":"[^"]+"/, '"next_page_token":"…"');
}

async function deepToken(floor: string, billId: string, headers: Record<string, string>): Promise<string> {
  let token = '';
  for (let page = 0; page < DEEP_PAGES; page++) {
    const query = new URLSearchParams({ page_size: '500', ...(token ? { page_token: token } : {}) });
    const response = await fetchText(`${floor}/v1/bills/${billId}/hourlyDetails?${query}`, headers);
    token = (JSON.parse(response.text) as { next_page_token: string }).next_page_token;
  }
  return token;
}

/** Every Seq Scan node on charge_lines in the plans of a scenario's statements. */
async function seqScans(pool: pg.Pool, statements: { text: string; values: unknown[] }[]): Promise<string[]> {
  const found: string[] = [];
  const walk = (node: Record<string, unknown>, label: string) => {
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'charge_lines') found.push(label);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child, label);
  };
  for (const [index, statement] of statements.entries()) {
    const plan = (await pool.query(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values)).rows[0]['QUERY PLAN'][0].Plan;
    walk(plan, `statement ${index + 1}`);
  }
  return found;
}

async function statementsOf(pool: pg.Pool, scenario: Scenario, tenantId: string) {
  const tenant = (await pool.query('SELECT billing_timezone, locale, tenant_type::text AS tenant_type FROM tenants WHERE id = $1', [tenantId])).rows[0];
  if (!scenario.billId) {
    const { from, to } = dailyRange({ startDate: scenario.query.startDate!, endDate: scenario.query.endDate! }, tenant.billing_timezone);
    return [dailyDetailSql(tenantId, tenant.billing_timezone, from, to)];
  }
  const bill = (await pool.query('SELECT state::text AS state FROM bills WHERE tenant_id = $1 AND id = $2', [tenantId, scenario.billId])).rows[0];
  const plan = planHourlyQuery({ tenantId, billId: scenario.billId, query: hourlyDetailsQuery.parse(scenario.query) }, { state: bill.state, timezone: tenant.billing_timezone, zh: tenant.locale === 'zh-CN', tenantType: tenant.tenant_type });
  return [plan.rows, plan.facets];
}

async function main(): Promise<boolean> {
  const portal = await startPortal('bench-bills', { COUNTERFOIL_WORKER: 'off' });
  // Page tokens are signed with the portal's secret (kept in its data dir): EXPLAIN plans a deep page from one.
  process.env.COUNTERFOIL_DATA_DIR = portal.dataDir;
  const pool = new pg.Pool({ connectionString: portal.databaseUrl, max: 4 });
  try {
    const data = await ensureBenchBills(pool, (line) => console.log(line));
    const floor = await startFloor('scripts/bench/bills-floor.ts', { DATABASE_URL: portal.databaseUrl, COUNTERFOIL_DATA_DIR: portal.dataDir });
    const headers = { authorization: `Bearer ${portal.apiKeys.tnt_demo}` };
    const bill = data.bills.at(-2)!; // the last closed month
    const [year, month] = [Number(bill.month.slice(0, 4)), Number(bill.month.slice(4, 6))];
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const hourly = `/v1/bills/${bill.id}/hourlyDetails`;
    const scenarios: Scenario[] = [
      { name: `004 first page (50 of ${bill.rows})`, path: hourly, query: { page_size: '50' }, billId: bill.id },
      { name: '004 deep page by token (20,000 rows in)', path: hourly, query: { page_size: '50', page_token: await deepToken(floor, bill.id, headers) }, billId: bill.id },
      { name: '004 filtered, by amount desc', path: hourly, query: { filter: 'sku_id = "sku_storage" AND consume_type = "CT_CONSUMPTION"', order_by: 'amount desc', page_size: '50' }, billId: bill.id },
      { name: `002 one month (${bill.month})`, path: '/api/v1/billing/detail/list', query: { startDate: `${bill.month}01`, endDate: `${bill.month}${lastDay}` } },
    ];
    let ok = true;
    for (const scenario of scenarios) {
      const url = (base: string) => `${base}${scenario.path}?${new URLSearchParams(scenario.query)}`;
      const targets = { portal: url(portal.base), floor: url(floor) };
      const [p, f] = [await fetchText(targets.portal, headers), await fetchText(targets.floor, headers)];
      if (p.status !== 200 || comparable(p.text) !== comparable(f.text)) throw new Error(`${scenario.name}: floor and portal disagree (${p.status}/${f.status})\n  portal ${p.text.slice(0, 300)}\n  floor  ${f.text.slice(0, 300)}`);
      const scans = await seqScans(pool, await statementsOf(pool, scenario, 'tnt_demo'));
      await alternate(targets, headers, CONNECTIONS, 20, 2); // warm-up
      const result = await alternate(targets, headers, CONNECTIONS, REQUESTS, 4);
      const ratio = result.portal.p95 / result.floor.p95;
      const met = result.portal.failures === 0 && result.floor.failures === 0 && ratio <= RATIO_GOAL && scans.length === 0;
      ok &&= met;
      console.log(`\n${scenario.name}: bodies equal (${p.text.length} bytes); ${REQUESTS} requests a side over ${CONNECTIONS} connections, alternating rounds`);
      console.log(resultLine('portal', result.portal));
      console.log(resultLine('floor ', result.floor));
      console.log(`  ratio   p50 ${(result.portal.p50 / result.floor.p50).toFixed(2)}×  p95 ${ratio.toFixed(2)}×   EXPLAIN: ${scans.length === 0 ? 'no sequential scan of charge_lines' : `SEQ SCAN in ${scans.join(', ')}`}`);
      console.log(met ? `  within goal (p95 ≤ ${RATIO_GOAL}× floor, index scans only)` : `  MISSED goal (p95 ≤ ${RATIO_GOAL}× floor, index scans only)`);
    }
    return ok;
  } finally {
    await pool.end();
  }
}

runBench('bench:bills', 45 * 60_000, main);
