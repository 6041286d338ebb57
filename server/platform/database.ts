import { resolve } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';
import { applyMigrations, createDatabaseIfMissing, dropDatabaseIfExists } from './migrate';

export type ProvisionedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

type ProvisionOptions = {
  /** Where the embedded cluster keeps its files when DATABASE_URL is not set. */
  dataDir: string;
  /** Database name inside the embedded cluster, or a suffix for an external server's database. */
  database: string;
  /** Drop and recreate the database first (tests). */
  fresh?: boolean;
  log?: (line: string) => void;
};

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * One entry point for every process that needs PostgreSQL: the external server named by
 * DATABASE_URL, or an embedded cluster under dataDir. The database is created and migrated.
 */
export async function provisionDatabase(options: ProvisionOptions): Promise<ProvisionedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = options.fresh ? `${new URL(external).pathname.slice(1) || 'postgres'}_${options.database}` : new URL(external).pathname.slice(1);
    const url = withDatabase(external, name);
    const admin = withDatabase(external, 'postgres');
    if (options.fresh) await dropDatabaseIfExists(admin, name);
    await createDatabaseIfMissing(admin, name);
    await applyMigrations(url);
    return { url, embedded: false, stop: async () => {} };
  }
  const cluster = await startEmbeddedPostgres(resolve(options.dataDir), options.log);
  if (options.fresh) await dropDatabaseIfExists(cluster.url('postgres'), options.database);
  await createDatabaseIfMissing(cluster.url('postgres'), options.database);
  const url = cluster.url(options.database);
  await applyMigrations(url);
  return { url, embedded: true, stop: cluster.stop };
}
