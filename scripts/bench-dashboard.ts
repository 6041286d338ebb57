/**
 * `npm run bench:dashboard`: the usage dashboard's queries over the demo tenant's 90 seeded days
 * (prisma/seed/history-usage.ts), through the portal and beside a floor, in one run.
 *
 *   portal  started exactly as `npm start` does (scripts/start.ts: embedded PostgreSQL, seed,
 *           build, server/edge/serve.ts) with its own data dir, build folder and port; the
 *           dashboard's tRPC queries over HTTP with a real session (signed in through Auth.js);
 *   floor   a bare node:http server in this process running the same statements with `pg`
 *           (the text in server/usage-dashboard/sql.ts, in the same order and round trips) and
 *           writing the rows as JSON: no session, no tRPC, no Prisma, no Next.
 *
 * Scenarios: what the page asks for (daily over the default 30 days, the quota bars, the
 * projection), the hourly toggle over 7 days stacked by app, monthly over 12 months, and daily over
 * the whole 90 days. Each scenario loads both sides with the same generator (scripts/bench/load.ts,
 * 4 connections) in alternating rounds; prints p50/p95 per side and the p95 ratio portal/floor.
 */
import { createServer, type ServerResponse } from 'node:http';
import pg from 'pg';
import { runBench, startPortal } from './bench/portal';
import { load, summarize, type Sample } from './bench/load';
import { floorProjection, floorQuotaBars, floorSeries, type FloorInput } from './bench/dashboard-floor';

const TENANT = 'tnt_demo';
const EMAIL = 'viewer@demo.counterfoil.dev';
const PASSWORD = 'counterfoil-demo';
const ROUNDS = 2;
const REQUESTS = 200;
const CONNECTIONS = 4;
const WATCHDOG_MS = 25 * 60_000;

/** Signs in as a real browser would (CSRF token, then the credentials callback) and returns the session cookie. */
async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.includes('session-token'));
  if (!session) throw new Error(`sign-in failed (${response.status})`);
  return session;
}

type Scenario = { name: string; procedure: 'series' | 'quotaBars' | 'projection'; input?: FloorInput };

function scenarios(today: string): Scenario[] {
  const daysBefore = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  return [
    { name: 'series: daily, 30 days, by resource type (page load)', procedure: 'series', input: { granularity: 'day', stackBy: 'resource_type', from: daysBefore(29), to: today } },
    { name: 'quota bars (page load)', procedure: 'quotaBars' },
    { name: 'projection (page load)', procedure: 'projection' },
    { name: 'series: hourly, 7 days, api_calls by app', procedure: 'series', input: { granularity: 'hour', stackBy: 'app', resourceType: 'api_calls', from: daysBefore(6), to: today } },
    { name: 'series: monthly, 12 months, by resource type', procedure: 'series', input: { granularity: 'month', stackBy: 'resource_type', from: `${daysBefore(334).slice(0, 7)}-01`, to: today } },
    { name: 'series: daily, 90 days, by resource type', procedure: 'series', input: { granularity: 'day', stackBy: 'resource_type', from: daysBefore(89), to: today } },
  ];
}

const portalPath = (s: Scenario) => `/api/trpc/usageDashboard.${s.procedure}${s.input ? `?input=${encodeURIComponent(JSON.stringify({ json: s.input }))}` : ''}`;
const floorPath = (s: Scenario) => `/${s.procedure}${s.input ? `?input=${encodeURIComponent(JSON.stringify(s.input))}` : ''}`;

async function floorAnswer(db: pg.Pool, url: string, res: ServerResponse) {
  const { pathname, searchParams } = new URL(url, 'http://floor');
  const input = searchParams.has('input') ? (JSON.parse(searchParams.get('input')!) as FloorInput) : undefined;
  const body = pathname === '/series' ? await floorSeries(db, TENANT, input!) : pathname === '/quotaBars' ? await floorQuotaBars(db, TENANT) : await floorProjection(db, TENANT);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);

async function main(): Promise<boolean> {
  const portal = await startPortal('bench-dashboard', { COUNTERFOIL_WORKER: 'off' });
  const base = portal.base;
  const db = new pg.Pool({ connectionString: portal.databaseUrl, max: 10 });
  const floor = createServer((req, res) => { floorAnswer(db, req.url ?? '/', res).catch((error: unknown) => { console.error(error); res.destroy(); }); });
  await new Promise<void>((done) => floor.listen(0, '127.0.0.1', done));
  const floorBase = `http://127.0.0.1:${(floor.address() as { port: number }).port}`;
  try {
    const counts = (await db.query(`SELECT (SELECT count(*) FROM usage_hourly WHERE tenant_id = $1) AS hourly, (SELECT count(*) FROM usage_daily WHERE tenant_id = $1) AS daily,
      (SELECT min(day)::text FROM usage_daily WHERE tenant_id = $1) AS first, to_char(now() AT TIME ZONE t.billing_timezone, 'YYYY-MM-DD') AS today FROM tenants t WHERE t.id = $1`, [TENANT])).rows[0];
    console.log(`[bench:dashboard] ${TENANT}: ${counts.hourly} hourly and ${counts.daily} daily rollup rows since ${counts.first}`);
    const cookie = await signIn(base);
    const headers = { cookie, 'x-counterfoil-tenant': TENANT };
    const rows: string[] = [];
    for (const scenario of scenarios(counts.today)) {
      const [p, f] = [await fetch(base + portalPath(scenario), { headers }), await fetch(floorBase + floorPath(scenario))];
      const portalText = await p.text();
      if (p.status !== 200 || f.status !== 200) throw new Error(`${scenario.name}: portal ${p.status} ${portalText.slice(0, 300)}, floor ${f.status}`);
      await f.arrayBuffer();
      const samples = { portal: [] as Sample[], floor: [] as Sample[] };
      for (let round = 0; round < ROUNDS; round += 1) {
        const order = round % 2 === 0 ? (['portal', 'floor'] as const) : (['floor', 'portal'] as const);
        for (const side of order) {
          samples[side].push(side === 'portal' ? await load(base + portalPath(scenario), headers, CONNECTIONS, REQUESTS) : await load(floorBase + floorPath(scenario), {}, CONNECTIONS, REQUESTS));
        }
      }
      const [pr, fr] = [summarize(samples.portal), summarize(samples.floor)];
      if (pr.failures || fr.failures) throw new Error(`${scenario.name}: ${pr.failures} portal and ${fr.failures} floor failures`);
      rows.push(`  ${scenario.name.padEnd(52)} portal p50 ${ms(pr.p50)} p95 ${ms(pr.p95)} | floor p50 ${ms(fr.p50)} p95 ${ms(fr.p95)} | p95 ratio ${(pr.p95 / fr.p95).toFixed(2)}×  (${(portalText.length / 1024).toFixed(1)} KB)`);
      console.log(rows.at(-1));
    }
    console.log(`\nusage dashboard, ${TENANT}, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds × ${REQUESTS} requests per side (tRPC over HTTP vs the same SQL on bare node:http + pg)`);
    for (const row of rows) console.log(row);
    return true;
  } finally {
    floor.close();
    await db.end();
  }
}

runBench('bench:dashboard', WATCHDOG_MS, main);
