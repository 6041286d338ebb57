/**
 * `npm run bench:api` (and `npm run bench`): the REST catalog endpoint of the portal against a
 * floor, in one run.
 *
 *   portal  the portal started exactly as `npm start` does (scripts/start.ts: embedded PostgreSQL,
 *           seed, build, server/edge/serve.ts), with its own data dir, build folder and port, and
 *           the per-key rate limit lifted (a load test runs on one key);
 *   floor   scripts/bench/floor-server.ts: bare node:http + pg on the same database, running the
 *           same SQL the portal runs for this request and writing the same body.
 *
 * Both answers are compared byte for byte before any load. Then each phase (latency at 4
 * connections, throughput at 32) loads both with the same generator (scripts/bench/load.ts), in
 * alternating rounds (portal, floor, floor, portal, …) so machine noise hits both. It prints
 * p50/p95/p99, req/s and failures for each side and the ratios, checks the portal's absolute
 * targets (the exit code) and prints whether it stays within a stated factor (3×) of the floor. Loopback only; every count
 * and wait is bounded; the servers and the embedded database are stopped at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { exited, freePort, waitForServer } from './bench/processes';
import { join } from 'node:path';
import { load, summarize, type LoadResult, type Sample } from './bench/load';

const ROUNDS = 4; // per phase and side; the order alternates each round
const PHASES = [
  {
    name: 'latency', connections: 4, requests: 1000,
    target: (r: LoadResult) => r.p95 <= 40, describe: 'p95 ≤ 40 ms',
    factor: 3, withinFactor: (portal: LoadResult, floor: LoadResult, k: number) => portal.p95 <= k * floor.p95, describeFactor: (k: number) => `portal p95 ≤ ${k}× floor p95`,
  },
  {
    name: 'throughput', connections: 32, requests: 3000,
    target: (r: LoadResult) => r.rps >= 300, describe: '≥ 300 req/s',
    factor: 3, withinFactor: (portal: LoadResult, floor: LoadResult, k: number) => portal.rps * k >= floor.rps, describeFactor: (k: number) => `portal req/s ≥ floor req/s ÷ ${k}`,
  },
] as const;
const WATCHDOG_MS = 20 * 60_000; // first run may seed and build (minutes on 2 cores)
const dataDir = join(process.env.COUNTERFOIL_DATA_DIR ?? 'data', 'bench');
const PATH = '/api/web/namespaces/system/usage_plans/current';

const children: ChildProcess[] = [];


/** SIGTERM our children (start.ts stops its server and the embedded cluster itself), then make sure. */
async function cleanUp() {
  for (const child of children.reverse()) {
    child.kill('SIGTERM');
    if (!(await exited(child, 30_000))) {
      child.kill('SIGKILL');
      await exited(child, 5_000);
    }
  }
  // If start.ts could not stop the cluster, stop the postmaster it left (its pid is in postmaster.pid).
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
  if (pid > 0) {
    try {
      process.kill(pid, 'SIGINT');
      console.log(`[bench] stopped the embedded PostgreSQL left running (pid ${pid})`);
    } catch {
      /* already gone */
    }
  }
}

async function body(url: string, headers: Record<string, string>) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, text: await response.text() };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const line = (label: string, r: LoadResult) =>
  `  ${label}  ${r.rps.toFixed(0).padStart(5)} req/s  p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}  p99 ${ms(r.p99).padStart(9)}  failures ${r.failures}/${r.requests}`;

async function main() {
  const [portalPort, floorPort] = [await freePort(), await freePort()];
  const portal = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    // The per-key rate limit would cap a load test on one key: lift it for the bench server.
    // Own build folder: `npm start` and e2e runs in this tree keep theirs.
    env: { ...process.env, PORT: String(portalPort), HOST: '127.0.0.1', COUNTERFOIL_DATA_DIR: dataDir, NEXT_DIST_DIR: join(dataDir, 'next'), API_RATE_LIMIT_BURST: '1000000', API_RATE_LIMIT_PER_MINUTE: '100000000' },
  });
  children.push(portal);
  const portalBase = `http://127.0.0.1:${portalPort}`;
  await waitForServer(`${portalBase}/sign-in`, 15 * 60_000, portal);

  const databaseUrl = readFileSync(join(dataDir, 'database-url'), 'utf8').trim();
  const floor = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/floor-server.ts', '--port', String(floorPort)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  children.push(floor);
  const floorBase = `http://127.0.0.1:${floorPort}`;
  await waitForServer(`${floorBase}/`, 30_000, floor);

  const { apiKeys } = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as { apiKeys: Record<string, string> };
  const headers = { authorization: `Bearer ${apiKeys.tnt_demo}` };
  const targets = { portal: portalBase + PATH, floor: floorBase + PATH };

  // An honest floor answers the same bytes: check both demo tenants before any load.
  for (const [tenant, key] of Object.entries(apiKeys)) {
    const h = { authorization: `Bearer ${key}` };
    const [p, f] = [await body(targets.portal, h), await body(targets.floor, h)];
    if (p.status !== 200 || f.status !== 200 || p.text !== f.text) {
      throw new Error(`floor and portal disagree for ${tenant}: ${p.status} ${p.text.slice(0, 300)}\n  vs ${f.status} ${f.text.slice(0, 300)}`);
    }
    console.log(`\n[bench] ${tenant}: floor body equals the portal's byte for byte (${p.text.length} bytes)`);
  }

  // Warm-up: JIT, connection pools, route compilation, the catalog cache.
  await load(targets.portal, headers, 16, 1000);
  await load(targets.floor, headers, 16, 1000);

  let ok = true;
  for (const phase of PHASES) {
    const samples: Record<'portal' | 'floor', Sample[]> = { portal: [], floor: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? (['portal', 'floor'] as const) : (['floor', 'portal'] as const);
      for (const side of order) samples[side].push(await load(targets[side], headers, phase.connections, phase.requests / ROUNDS));
    }
    const [p, f] = [summarize(samples.portal), summarize(samples.floor)];
    const met = p.failures === 0 && f.failures === 0 && phase.target(p);
    const within = phase.withinFactor(p, f, phase.factor);
    ok &&= met; // the factor is a stated goal, printed; the absolute targets decide the exit code
    console.log(`\nGET usage_plans/current (${phase.name}): ${phase.requests} requests a side over ${phase.connections} connections, ${ROUNDS} alternating rounds`);
    console.log(line('portal', p));
    console.log(line('floor ', f));
    console.log(`  ratio   latency portal/floor  p50 ${(p.p50 / f.p50).toFixed(2)}×  p95 ${(p.p95 / f.p95).toFixed(2)}×  p99 ${(p.p99 / f.p99).toFixed(2)}×   throughput floor/portal ${(f.rps / p.rps).toFixed(2)}×`);
    console.log(met ? `  within target (${phase.describe}, no failures)` : `  MISSED target (${phase.describe}, no failures)`);
    console.log(within ? `  within ${phase.factor}× of the floor (${phase.describeFactor(phase.factor)})` : `  OUTSIDE ${phase.factor}× of the floor (${phase.describeFactor(phase.factor)})`);
  }
  process.exitCode = ok ? 0 : 1;
}

const watchdog = setTimeout(() => {
  console.error(`[bench] gave up after ${WATCHDOG_MS / 60_000} minutes`);
  void cleanUp().finally(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    clearTimeout(watchdog);
  });
