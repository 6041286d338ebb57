/**
 * `npm run worker`: the job workers alone, without the web server, so web and workers scale apart.
 * Any number of these (and the web process's in-process worker) share the queue: pg-boss gives each
 * job to one worker. PostgreSQL: DATABASE_URL, else the embedded cluster `npm start` is running
 * (data/database-url), else one of our own under data/pg. The database is created and migrated
 * like `npm start` does; pg-boss creates its own `pgboss` schema on first start.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startWorker } from '../server/jobs/worker';
import { provisionDatabase } from '../server/platform/database';
import { dataDir } from '../server/platform/runtime-config';

/** The URL of the embedded cluster a running `npm start` wrote down, if it answers. */
async function runningEmbeddedUrl(): Promise<string | null> {
  const file = join(dataDir(), 'database-url');
  if (!existsSync(file)) return null;
  const url = readFileSync(file, 'utf8').trim();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

async function main() {
  if (!process.env.DATABASE_URL) {
    const running = await runningEmbeddedUrl();
    if (running) process.env.DATABASE_URL = running;
  }
  const database = await provisionDatabase({ dataDir: join(dataDir(), 'pg'), database: 'counterfoil' });
  process.env.DATABASE_URL = database.url;
  const worker = await startWorker({ instanceName: `worker-${process.pid}` });
  console.log(`[worker] working the job queues (${database.embedded ? 'embedded' : 'external'} PostgreSQL); SIGTERM stops gracefully`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing running jobs`);
    await worker.stop();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(`[worker] ${(error as Error).message}`);
  process.exit(1);
});
