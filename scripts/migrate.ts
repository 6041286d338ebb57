/**
 * `npm run db:migrate`: applies the committed migrations (prisma/migrations) to DATABASE_URL, or
 * to the embedded cluster under data/pg that `npm start` uses, and prints what it applied.
 */
import { join } from 'node:path';
import pg from 'pg';
import { provisionDatabase } from '../server/platform/database';
import { readMigrations } from '../server/platform/migrate';
import { dataDir } from '../server/platform/runtime-config';

type Row = { migration_name: string; finished_at: Date };

async function main() {
  const startedAt = new Date();
  // Creates the database if it is missing and applies every pending migration, under the advisory lock.
  const database = await provisionDatabase({ dataDir: join(dataDir(), 'pg'), database: 'counterfoil' });
  try {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    let rows: Row[];
    try {
      const result = await client.query<Row>(
        'SELECT migration_name, finished_at FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
      );
      rows = result.rows;
    } finally {
      await client.end();
    }
    // The runner stamps each migration with the server's now() as it commits: those of this run are the new ones.
    const applied = rows.filter((row) => row.finished_at.getTime() >= startedAt.getTime()).map((row) => row.migration_name);
    const where = database.embedded ? `embedded PostgreSQL (${join(dataDir(), 'pg')})` : 'DATABASE_URL';
    if (applied.length === 0) console.log(`[migrate] ${where}: up to date, nothing to apply`);
    else {
      console.log(`[migrate] ${where}: applied ${applied.length} migration${applied.length === 1 ? '' : 's'}:`);
      for (const name of applied) console.log(`  ${name}`);
    }
    const known = readMigrations().length;
    console.log(`[migrate] ${rows.length} of ${known} committed migrations applied; latest ${rows.at(-1)?.migration_name ?? '(none)'}`);
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(`[migrate] ${(error as Error).message}`);
  process.exit(1);
});
