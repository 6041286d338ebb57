import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, summarize, type LoadResult, type Sample } from './load';
import { exited, freePort, waitForServer } from './processes';

/**
 * What every benchmark does around its measurement: start the portal exactly as `npm start` does
 * (scripts/start.ts: embedded PostgreSQL, migrate, seed, build, the edge) with its own data dir,
 * build folder and port and the per-key rate limit lifted; load portal and floor in alternating
 * rounds; print both and the ratio; and stop every child (and a postmaster left behind) at the end,
 * on a signal, or when the watchdog fires.
 */
const children: ChildProcess[] = [];
const dataDirs: string[] = [];

export type Portal = { base: string; dataDir: string; databaseUrl: string; apiKeys: Record<string, string>; serviceCredentials: Record<string, string> };

export async function startPortal(name: string, env: Record<string, string> = {}): Promise<Portal> {
  const dataDir = join(process.env.COUNTERFOIL_DATA_DIR ?? 'data', name);
  const port = await freePort();
  const portal = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', COUNTERFOIL_DATA_DIR: dataDir, NEXT_DIST_DIR: join(dataDir, 'next'),
      API_RATE_LIMIT_BURST: '1000000', API_RATE_LIMIT_PER_MINUTE: '100000000', ...env,
    },
  });
  children.push(portal);
  dataDirs.push(dataDir);
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(`${base}/sign-in`, 15 * 60_000, portal);
  const databaseUrl = readFileSync(join(dataDir, 'database-url'), 'utf8').trim();
  const { apiKeys, serviceCredentials } = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as Pick<Portal, 'apiKeys' | 'serviceCredentials'>;
  return { base, dataDir, databaseUrl, apiKeys, serviceCredentials };
}

/** A floor server as a child process (`node --import tsx <script> --port N`), waited for. */
export async function startFloor(script: string, env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const floor = spawn(process.execPath, ['--import', 'tsx', script, '--port', String(port)], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  children.push(floor);
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(`${base}/`, 60_000, floor);
  return base;
}

/** SIGTERM our children (start.ts stops its server and the embedded cluster itself), then make sure. */
export async function stopAll(label: string) {
  for (const child of children.reverse()) {
    child.kill('SIGTERM');
    if (!(await exited(child, 30_000))) {
      child.kill('SIGKILL');
      await exited(child, 5_000);
    }
  }
  for (const dataDir of dataDirs) {
    const pidFile = join(dataDir, 'pg', 'postmaster.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
    if (pid <= 0) continue;
    try {
      process.kill(pid, 'SIGINT');
      console.log(`[${label}] stopped the embedded PostgreSQL left running (pid ${pid})`);
    } catch {
      /* already gone */
    }
  }
}

/** Runs `main` with a watchdog and signal handling; the exit code is main's verdict. */
export function runBench(label: string, watchdogMs: number, main: () => Promise<boolean>) {
  const watchdog = setTimeout(() => {
    console.error(`[${label}] gave up after ${watchdogMs / 60_000} minutes`);
    void stopAll(label).finally(() => process.exit(1));
  }, watchdogMs);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll(label).finally(() => process.exit(130)));
  main()
    .then((ok) => {
      process.exitCode = ok ? 0 : 1;
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(async () => {
      await stopAll(label);
      clearTimeout(watchdog);
    });
}

export async function fetchText(url: string, headers: Record<string, string>) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) });
  return { status: response.status, text: await response.text() };
}

/** Portal and floor loaded in alternating rounds (portal, floor, floor, portal, …) so machine noise hits both. */
export async function alternate(targets: { portal: string; floor: string }, headers: Record<string, string>, connections: number, requests: number, rounds: number) {
  const samples: Record<'portal' | 'floor', Sample[]> = { portal: [], floor: [] };
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? (['portal', 'floor'] as const) : (['floor', 'portal'] as const);
    for (const side of order) samples[side].push(await load(targets[side], headers, connections, Math.ceil(requests / rounds), 300_000));
  }
  return { portal: summarize(samples.portal), floor: summarize(samples.floor) };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
export const resultLine = (label: string, r: LoadResult) =>
  `  ${label}  p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}  p99 ${ms(r.p99).padStart(9)}  ${r.rps.toFixed(0).padStart(5)} req/s  failures ${r.failures}/${r.requests}`;
