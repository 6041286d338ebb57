import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['app', 'components', 'server', 'prisma/schema.prisma', 'proxy.ts', 'next.config.mjs', 'package-lock.json', 'messages'];
const DIST = process.env.NEXT_DIST_DIR || '.next';
const STAMP = join(DIST, 'counterfoil-build-stamp');

function walk(path: string, out: string[]): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isFile()) {
    out.push(`${path}:${stat.size}:${stat.mtimeMs}`);
    return;
  }
  for (const entry of readdirSync(path).sort()) walk(join(path, entry), out);
}

function sourceFingerprint(): string {
  const entries: string[] = [];
  for (const source of SOURCES) walk(source, entries);
  return createHash('sha256').update(entries.join('\n')).digest('hex');
}

/** A build is reused only when it was made from exactly these sources. */
export function buildIsCurrent(): boolean {
  return existsSync(join(DIST, 'BUILD_ID')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourceFingerprint();
}

export function recordBuild(): void {
  writeFileSync(STAMP, sourceFingerprint());
}
