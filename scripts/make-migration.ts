/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
 * the SQL that takes the last snapshot to the current schema.prisma, and refreshes the snapshot.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../server/platform/embedded-postgres';
import { dataDir } from '../server/platform/runtime-config';
import { runPrisma6, schemaWithUrl } from './prisma6';

const SNAPSHOT = 'prisma/migrations/schema.snapshot.prisma';

async function main() {
  const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_');
  if (!name) throw new Error('usage: npm run db:migration -- <name>');
  const cluster = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(join(dataDir(), 'pg-tools'));
  const url = process.env.DATABASE_URL ?? cluster!.url('postgres');
  try {
    const from = existsSync(SNAPSHOT) ? ['--from-schema-datamodel', schemaWithUrl(SNAPSHOT)] : ['--from-empty'];
    const diff = runPrisma6(['migrate', 'diff', ...from, '--to-schema-datamodel', schemaWithUrl('prisma/schema.prisma'), '--script'], url);
    if (diff.status !== 0) throw new Error(diff.stderr || diff.stdout);
    if (/^-- This is an empty migration\.\s*$/m.test(diff.stdout) || diff.stdout.trim() === '') {
      console.log('schema.prisma matches the last migration: nothing to do');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = join('prisma/migrations', `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'migration.sql'), diff.stdout);
    copyFileSync('prisma/schema.prisma', SNAPSHOT);
    console.log(`wrote ${dir}/migration.sql`);
  } finally {
    await cluster?.stop();
  }
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
