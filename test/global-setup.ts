import type { TestProject } from 'vitest/node';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { provisionDatabase } from '../server/platform/database';
import { dataDir } from '../server/platform/runtime-config';

/**
 * One real PostgreSQL for the whole run: an embedded cluster under data/pg-test-<pid>, or the server
 * named by DATABASE_URL (a `<name>_test` database on it). Either way a fresh database, migrated.
 */
export default async function setup(project: TestProject) {
  // A cluster of its own per run, so parallel runs never share (or stop) each other's server.
  const clusterDir = join(dataDir(), `pg-test-${process.pid}`);
  const database = await provisionDatabase({ dataDir: clusterDir, database: 'counterfoil_test', fresh: true });
  project.provide('databaseUrl', database.url);
  project.provide('databaseKind', database.embedded ? 'embedded' : 'external');
  // The platform catalog is global: seed it once, before any test file runs.
  process.env.DATABASE_URL = database.url;
  const { seedCatalog } = await import('../prisma/seed/catalog');
  const { prisma } = await import('../server/db');
  await seedCatalog();
  await prisma.$disconnect();
  return async () => {
    await database.stop();
    if (database.embedded) rmSync(clusterDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: 'embedded' | 'external';
  }
}
