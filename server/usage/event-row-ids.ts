import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const RANDOM_CHARS = 12;

/**
 * usage_events ids (`evt_…`) for one batch, made in bulk (one random draw per batch). Time first —
 * the batch's millisecond in fixed-width base 36, then 12 random characters (≈ 62 bits) — so a
 * batch's rows land at the right edge of the primary-key index, as UUIDv7 keys do, instead of on a
 * thousand random leaf pages of a large index (each a read and, after a checkpoint, a full-page write).
 */
export function eventRowIds(count: number, atMs = Date.now()): string[] {
  const time = Math.max(0, Math.floor(atMs)).toString(36).padStart(9, '0');
  const bytes = randomBytes(count * RANDOM_CHARS);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    let id = `evt_${time}`;
    for (let j = 0; j < RANDOM_CHARS; j += 1) id += ALPHABET[bytes[i * RANDOM_CHARS + j]! % 36];
    ids.push(id);
  }
  return ids;
}
