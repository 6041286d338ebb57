/**
 * `npm test`: typecheck, unit + integration tests on a real PostgreSQL (embedded unless
 * DATABASE_URL is set), then the browser e2e suite in Debian's Chromium against `npm start`.
 * `npm test -- --db-only` runs just the database-facing tests (CI's external-PostgreSQL pass).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { provisionDatabase } from '../server/platform/database';
import { dataDir } from '../server/platform/runtime-config';

const dbOnly = process.argv.includes('--db-only');

function run(label: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  console.log(`◀ ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function e2eEnvironment(): Promise<NodeJS.ProcessEnv> {
  const e2eData = join(dataDir(), 'e2e');
  rmSync(e2eData, { recursive: true, force: true });
  const env = { ...process.env, E2E_DATA_DIR: e2eData, COUNTERFOIL_DATA_DIR: e2eData, E2E_PORT: process.env.E2E_PORT ?? '3100', NEXT_DIST_DIR: '.next' };
  if (!process.env.DATABASE_URL) return env;
  // On an external server the e2e portal gets a fresh database of its own beside the test one.
  const database = await provisionDatabase({ dataDir: e2eData, database: 'e2e', fresh: true });
  return { ...env, DATABASE_URL: database.url };
}

async function main() {
  if (!dbOnly) run('typecheck', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']);
  run(`vitest (${process.env.DATABASE_URL ? 'external PostgreSQL' : 'embedded PostgreSQL'})`, ['node_modules/vitest/vitest.mjs', 'run']);
  if (dbOnly) return;
  run('playwright e2e (Debian Chromium)', ['node_modules/@playwright/test/cli.js', 'test'], await e2eEnvironment());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
