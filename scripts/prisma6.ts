import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Prisma 6 wants a `url` in the datasource; give it a temporary copy of a schema that has one. */
export function schemaWithUrl(schemaPath: string): string {
  const source = readFileSync(schemaPath, 'utf8');
  const patched = source.replace(/datasource db \{([^}]*)\}/, (_m, body: string) => `datasource db {${body}  url = env("PRISMA6_DATABASE_URL")\n}`);
  const dir = mkdtempSync(join(tmpdir(), 'cf-prisma6-'));
  const target = join(dir, 'schema.prisma');
  writeFileSync(target, patched);
  return target;
}

/** Runs the Prisma 6 CLI against a reachable database (it needs one even for a file-to-file diff). */
export function runPrisma6(args: string[], databaseUrl: string): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['node_modules/prisma6/build/index.js', ...args, '--config', 'prisma/tools/prisma6.config.ts'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      PRISMA6_DATABASE_URL: databaseUrl,
      PRISMA_QUERY_ENGINE_LIBRARY: resolve('scripts/no-engine.sh'),
      PRISMA_SCHEMA_ENGINE_BINARY: resolve('scripts/no-engine.sh'),
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}
