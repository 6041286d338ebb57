import { describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { runPrisma6, schemaWithUrl } from '../scripts/prisma6';
import { readMigrations } from '../server/platform/migrate';
import { createDatabaseIfMissing, dropDatabaseIfExists } from '../server/platform/migrate';
import { readSchemaCatalog } from './schema-catalog';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

describe('migrations', () => {
  it('build exactly the schema that schema.prisma describes (no drift)', async () => {
    const migrated = inject('databaseUrl');
    const admin = withDatabase(migrated, 'postgres');
    const reference = `${new URL(migrated).pathname.slice(1)}_reference`;
    await dropDatabaseIfExists(admin, reference);
    await createDatabaseIfMissing(admin, reference);
    try {
      const diff = runPrisma6(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', schemaWithUrl('prisma/schema.prisma'), '--script'], admin);
      expect(diff.status, diff.stderr).toBe(0);
      const client = new pg.Client({ connectionString: withDatabase(migrated, reference) });
      await client.connect();
      await client.query(diff.stdout);
      await client.end();

      const [fromMigrations, fromSchema] = await Promise.all([readSchemaCatalog(migrated), readSchemaCatalog(withDatabase(migrated, reference))]);
      expect(fromMigrations.columns.length).toBeGreaterThan(100);
      expect(fromMigrations).toEqual(fromSchema);
    } finally {
      await dropDatabaseIfExists(admin, reference);
    }
  });

  it('are recorded in _prisma_migrations with their checksums', async () => {
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    const applied = await client.query<{ migration_name: string; checksum: string }>('SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name');
    await client.end();
    expect(applied.rows).toEqual(readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });
});
