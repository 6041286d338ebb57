/**
 * `npm run bench`: starts the portal exactly as `npm start` does (own data dir and port), then
 * loads the REST catalog endpoint over many keep-alive connections and checks latency targets.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../server/platform/embedded-postgres';

const TARGETS = { p95Ms: 50, minRequestsPerSecond: 300 };
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
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

async function load(url: string, headers: Record<string, string>) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (next < REQUESTS) {
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
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', COUNTERFOIL_DATA_DIR: dataDir },
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(`${base}/sign-in`, 300_000);
    const { apiKeys } = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as { apiKeys: Record<string, string> };
    const url = `${base}/api/web/namespaces/system/usage_plans/current`;
    const headers = { authorization: `Bearer ${apiKeys.tnt_demo}` };
    await load(url, headers); // warm-up: JIT, connection pool, route compilation
    const result = await load(url, headers);
    console.log(`\nGET usage_plans/current, ${result.requests} requests over ${CONNECTIONS} connections`);
    console.log(`  ${result.rps.toFixed(0)} req/s  p50 ${result.p50.toFixed(1)} ms  p95 ${result.p95.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  failures ${result.failures}`);
    const ok = result.failures === 0 && result.p95 <= TARGETS.p95Ms && result.rps >= TARGETS.minRequestsPerSecond;
    console.log(ok ? '  within targets' : `  MISSED targets (p95 ≤ ${TARGETS.p95Ms} ms, ≥ ${TARGETS.minRequestsPerSecond} req/s, no failures)`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
