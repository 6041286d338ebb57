/**
 * `npm run bench:ingest`: usage events per second through `POST /api/v1/usage/events`, beside a
 * raw floor, in one run on one database.
 *
 *   portal  started exactly as `npm start` does (scripts/start.ts: embedded PostgreSQL, seed,
 *           `next build` when stale, `next start` behind the edge), with its own data dir and
 *           build folder (data/bench-ingest, data/bench-ingest/next) and the per-key rate limit
 *           lifted, its job worker on (as `npm start` runs it); batches of 1,000 events from
 *           `connections` keep-alive sockets, with the demo tenant's API key: the whole ingest (auth,
 *           parse, per-event checks, quota locks, raw rows, hourly/daily/monthly rollups, usage
 *           alerts, the pricing queue, audit) in one transaction per request, while the usage-price
 *           job prices the queued hours into charge lines in the same process. After the last
 *           round, the time until the pricing queue is empty is printed: how far pricing lags;
 *   floor   the same rows (same tenant, namespaces, apps, resource types, quantities, times;
 *           their own event ids; row ids from the portal's own generator) written by one `INSERT … SELECT FROM unnest(…) ON CONFLICT DO
 *           NOTHING` per batch on one `pg` connection.
 * Bodies and floor parameters are built before any timing. Rounds alternate (portal, floor,
 * floor, portal, …) so machine noise hits both. Prints events/s for each side and the ratio;
 * goals: portal ≥ 50% of the floor and ≥ 20,000 events/s (the exit code).
 */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import pg from 'pg';
import { eventRowIds } from '../server/usage/event-row-ids';
import { runBench, startPortal } from './bench/portal';

const BATCH = 1000;
const CONNECTIONS = Number(process.env.BENCH_INGEST_CONNECTIONS ?? 4);
const BATCHES_PER_ROUND = Number(process.env.BENCH_INGEST_BATCHES ?? 40);
const ROUNDS = 4;
const TENANT = 'tnt_demo';
const PATH = '/api/v1/usage/events';
const RESOURCE_TYPES = ['api_calls', 'api_calls', 'mfa_verifications', 'bandwidth_gb', 'storage_gb', 'active_users'];
const WATCHDOG_MS = 25 * 60_000;
// Its own data dir and build folder, so it never shares a database or a build with bench:api / bench:export running at the same time.

type Scope = { namespaces: { id: string; name: string }[]; apps: string[] };
type Event = { event_id: string; namespace: string; namespaceId: string; app_id: string | null; resource_type: string; quantity: string; timestamp: string };

/** One batch: events spread over the last hour across the tenant's namespaces, apps and metered types. */
function batchOf(scope: Scope, tag: string, nowMs: number): Event[] {
  return Array.from({ length: BATCH }, (_, i) => {
    const namespace = scope.namespaces[i % scope.namespaces.length]!;
    return {
      event_id: `${tag}-${i}`, namespace: namespace.name, namespaceId: namespace.id, app_id: i % 3 === 0 ? null : scope.apps[i % scope.apps.length] ?? null,
      resource_type: RESOURCE_TYPES[i % RESOURCE_TYPES.length]!, quantity: `${(i % 17) + 1}.${i % 10}`, timestamp: new Date(nowMs - ((i * 7919) % 3_600_000)).toISOString(),
    };
  });
}

const body = (events: Event[]) => JSON.stringify({ events: events.map(({ namespaceId: _, ...event }) => event) });

/** The floor's parameters for one batch: the same rows the portal writes to usage_events. */
function floorParams(events: Event[], at: Date) {
  return [TENANT, eventRowIds(events.length), events.map((e) => e.event_id), events.map((e) => e.namespaceId), events.map((e) => e.app_id),
    events.map((e) => e.resource_type), events.map((e) => e.quantity), events.map((e) => e.timestamp), at];
}
const FLOOR_SQL = `INSERT INTO usage_events (tenant_id, id, event_id, namespace_id, app_id, resource_type, quantity, occurred_at, received_at, api_key_id, properties)
  SELECT $1, u.id, u.event_id, u.namespace_id, u.app_id, u.resource_type, u.quantity::numeric, u.occurred_at::timestamptz, $9, NULL, NULL
  FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(id, event_id, namespace_id, app_id, resource_type, quantity, occurred_at)
  ON CONFLICT (tenant_id, event_id) DO NOTHING`;

function post(agent: Agent, url: URL, key: string, payload: string): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const req = request(url, { agent, method: 'POST', timeout: 60_000, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    req.end(payload);
  });
}

/** Sends the bodies over `connections` sockets; counts the events the portal accepted. */
async function portalRound(url: URL, key: string, bodies: string[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  let next = 0;
  let accepted = 0;
  let other = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (next < bodies.length) {
      const res = await post(agent, url, key, bodies[next++]!);
      if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${res.text.slice(0, 300)}`);
      const data = (JSON.parse(res.text) as { data: { accepted: number; duplicates: number; rejected: number } }).data;
      accepted += data.accepted;
      other += data.duplicates + data.rejected;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { events: accepted, other, seconds };
}

async function floorRound(client: pg.PoolClient, batches: unknown[][]) {
  let written = 0;
  const started = performance.now();
  for (const params of batches) written += (await client.query(FLOOR_SQL, params)).rowCount ?? 0;
  return { events: written, other: 0, seconds: (performance.now() - started) / 1000 };
}

/** Seconds from `started` until the pricing queue is empty (the job has priced every hour ingest queued). */
async function pricingLag(client: pg.PoolClient, started: number): Promise<number> {
  for (;;) {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM usage_pricing_queue WHERE tenant_id = $1', [TENANT]);
    if (rows[0]!.n === '0') return (performance.now() - started) / 1000;
    if (performance.now() - started > 300_000) throw new Error(`pricing still has ${rows[0]!.n} queued hours after 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<boolean> {
  const portal = await startPortal('bench-ingest');
  const base = portal.base;
  const db = new pg.Pool({ connectionString: portal.databaseUrl, max: 2 });
  const client = await db.connect();
  try {
    const key = portal.apiKeys[TENANT]!;
    // The demo tenant's hard quotas stay (every batch takes their locks and is judged against them),
    // but with room for every run: earlier runs in this data dir have used this period's allowance.
    await client.query(`UPDATE quota_resource_limits l SET maximum = 1000000000000000 FROM quotas q
      WHERE q.tenant_id = l.tenant_id AND q.id = l.quota_id AND q.tenant_id = $1 AND q.enforcement = 'hard'`, [TENANT]);
    const scope: Scope = {
      namespaces: (await client.query<{ id: string; name: string }>('SELECT id, name FROM namespaces WHERE tenant_id = $1 ORDER BY name', [TENANT])).rows,
      apps: (await client.query<{ id: string }>(`SELECT id FROM apps WHERE tenant_id = $1 AND status = 'active' ORDER BY id`, [TENANT])).rows.map((r) => r.id),
    };
    const run = randomBytes(4).toString('hex');
    const nowMs = Date.now();
    const make = (side: string, round: number) => Array.from({ length: BATCHES_PER_ROUND }, (_, b) => batchOf(scope, `bench-${run}-${side}-${round}-${b}`, nowMs));
    const url = new URL(base + PATH);

    const warm = await portalRound(url, key, make('warm', 0).slice(0, 8).map(body));
    if (warm.events === 0) throw new Error('the warm-up accepted no events');
    await floorRound(client, make('floorwarm', 0).slice(0, 4).map((b) => floorParams(b, new Date())));

    const totals = { portal: { events: 0, other: 0, seconds: 0 }, floor: { events: 0, other: 0, seconds: 0 } };
    for (let round = 0; round < ROUNDS; round += 1) {
      const [portalBodies, floorBatches] = [make('portal', round).map(body), make('floor', round).map((b) => floorParams(b, new Date()))];
      const order = round % 2 === 0 ? (['portal', 'floor'] as const) : (['floor', 'portal'] as const);
      for (const side of order) {
        const result = side === 'portal' ? await portalRound(url, key, portalBodies) : await floorRound(client, floorBatches);
        totals[side].events += result.events;
        totals[side].other += result.other;
        totals[side].seconds += result.seconds;
        console.log(`[bench:ingest] round ${round + 1} ${side.padEnd(6)} ${(result.events / result.seconds).toFixed(0).padStart(7)} events/s (${result.events} events in ${result.seconds.toFixed(2)} s${result.other ? `, ${result.other} not accepted` : ''})`);
      }
    }
    const lagStarted = performance.now();
    const lagSeconds = await pricingLag(client, lagStarted);
    const rate = (side: keyof typeof totals) => totals[side].events / totals[side].seconds;
    const [p, f] = [rate('portal'), rate('floor')];
    console.log(`\nPOST ${PATH}: batches of ${BATCH}, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${BATCHES_PER_ROUND} batches a side`);
    console.log(`  portal  ${p.toFixed(0).padStart(7)} events/s   (${totals.portal.events} accepted${totals.portal.other ? `, ${totals.portal.other} duplicates or rejected` : ''})`);
    console.log(`  floor   ${f.toFixed(0).padStart(7)} rows/s     (one INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING per batch, one connection)`);
    console.log(`  ratio   portal/floor ${(p / f * 100).toFixed(0)}%`);
    console.log(`  pricing the usage-price job had priced every queued hour ${lagSeconds.toFixed(1)} s after the last batch returned`);
    const met = p >= 20_000 && p >= f * 0.5;
    console.log(met ? '  within goals (≥ 20,000 events/s and ≥ 50% of the floor)' : `  MISSED goals: ≥ 20,000 events/s ${p >= 20_000 ? 'met' : 'missed'}, ≥ 50% of the floor ${p >= f * 0.5 ? 'met' : 'missed'}`);
    return met;
  } finally {
    client.release();
    await db.end();
  }
}

runBench('bench:ingest', WATCHDOG_MS, main);
