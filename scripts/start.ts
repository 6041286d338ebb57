/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations, the demo seed on
 * first start, a production build when the sources changed, then the portal's server
 * (server/edge/serve.ts: Next's handler behind our edge) on PORT.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { provisionDatabase } from '../server/platform/database';
import { authSecret, dataDir } from '../server/platform/runtime-config';
import { buildIsCurrent, recordBuild } from './build-stamp';

const port = process.env.PORT ?? '3000';
const dev = process.argv.includes('--dev');
const nextBin = 'node_modules/next/dist/bin/next';

async function main() {
  const database = await provisionDatabase({ dataDir: join(dataDir(), 'pg'), database: 'counterfoil' });
  console.log(`[start] PostgreSQL ready (${database.embedded ? 'embedded' : 'external'})`);
  // Tests and local tools reach the embedded cluster through this file (git-ignored, local only).
  if (database.embedded) writeFileSync(join(dataDir(), 'database-url'), `${database.url}\n`, { mode: 0o600 });
  const env = { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: authSecret(), AUTH_TRUST_HOST: 'true' };

  const seed = spawnSync(process.execPath, ['--import', 'tsx', 'prisma/seed/index.ts', '--if-empty'], { stdio: 'inherit', env });
  if (seed.status !== 0) throw new Error('seed failed');

  if (!dev && !buildIsCurrent()) {
    console.log('[start] building the portal (next build)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) throw new Error('next build failed');
    recordBuild();
  }

  const serveArgs = ['--import', 'tsx', 'server/edge/serve.ts', '--port', port, '--host', process.env.HOST ?? '0.0.0.0', ...(dev ? ['--dev'] : [])];
  const logFile = process.env.COUNTERFOIL_SERVER_LOG;
  const server = spawn(process.execPath, serveArgs, {
    stdio: logFile ? ['inherit', 'pipe', 'pipe'] : 'inherit',
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (logFile) teeServerOutput(server, logFile);
  const shutdown = async () => {
    server.kill('SIGTERM');
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  server.on('exit', async (code) => {
    await database.stop();
    process.exit(code ?? 0);
  });
}

/**
 * COUNTERFOIL_SERVER_LOG=<file>: the server's stdout and stderr also go to that file (appended), so a
 * test can read the whole server log (e2e: no card number or CVC may ever appear in it).
 */
function teeServerOutput(server: ReturnType<typeof spawn>, path: string): void {
  const file = createWriteStream(path, { flags: 'a', mode: 0o600 });
  server.stdout?.on('data', (chunk: Buffer) => { process.stdout.write(chunk); file.write(chunk); });
  server.stderr?.on('data', (chunk: Buffer) => { process.stderr.write(chunk); file.write(chunk); });
  server.on('exit', () => file.end());
}

main().catch((error) => {
  console.error(`[start] ${(error as Error).message}`);
  process.exit(1);
});
