import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where local state lives (embedded cluster, generated secrets, demo credentials). */
export function dataDir(): string {
  return resolve(process.env.COUNTERFOIL_DATA_DIR ?? 'data');
}

/** AUTH_SECRET from the environment, else one generated once and kept under data/ (development only). */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = join(dataDir(), 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
