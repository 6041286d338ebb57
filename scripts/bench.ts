/**
 * `npm run bench`: starts the portal exactly as `npm start` does (own data dir and port), then
 * loads the REST catalog endpoint over many keep-alive connections and checks latency targets.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../server/platform/embedded-postgres';

/** Latency is judged at a modest concurrency, throughput under load (latency there is mostly queueing). */
const PHASES = [
  { name: 'latency', connections: 4, requests: 1000, target: (r: LoadResult) => r.p95 <= 40, describe: 'p95 ≤ 40 ms' },
  { name: 'throughput', connections: 32, requests: 3000, target: (r: LoadResult) => r.rps >= 300, describe: '≥ 300 req/s' },
] as const;
type LoadResult = Awaited<ReturnType<typeof load>>;
const dataDir = join(process.env.COUNTERFOIL_DATA_DIR ?? 'data', 'bench');

async function waitForServer(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server did not answer at ${url}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function load(url: string, headers: Record<string, string>, connections: number, total: number) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    while (next < total) {
      next += 1;
      const t0 = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (response.status !== 200) failures += 1;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, failures, rps: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}

async function main() {
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    // The per-key rate limit would cap a load test on one key: lift it for the bench server.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', COUNTERFOIL_DATA_DIR: dataDir, API_RATE_LIMIT_BURST: '1000000', API_RATE_LIMIT_PER_MINUTE: '100000000' },
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(`${base}/sign-in`, 300_000);
    const { apiKeys } = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as { apiKeys: Record<string, string> };
    const url = `${base}/api/web/namespaces/system/usage_plans/current`;
    const headers = { authorization: `Bearer ${apiKeys.tnt_demo}` };
    await load(url, headers, 16, 1000); // warm-up: JIT, connection pool, route compilation
    let ok = true;
    for (const phase of PHASES) {
      const result = await load(url, headers, phase.connections, phase.requests);
      const met = result.failures === 0 && phase.target(result);
      ok &&= met;
      console.log(`\nGET usage_plans/current (${phase.name}): ${result.requests} requests over ${phase.connections} connections`);
      console.log(`  ${result.rps.toFixed(0)} req/s  p50 ${result.p50.toFixed(1)} ms  p95 ${result.p95.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  failures ${result.failures}`);
      console.log(met ? `  within target (${phase.describe}, no failures)` : `  MISSED target (${phase.describe}, no failures)`);
    }
    process.exitCode = ok ? 0 : 1;
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
