import { createHash, timingSafeEqual } from 'node:crypto';
import { randomToken } from '../ids';

/**
 * Credentials look like `cfk_<12 lookup chars>_<40 secret chars>`. The lookup part is stored in
 * clear (a unique index finds the row in one probe), the whole token only as SHA-256: a slow
 * password hash on every API request would cost more than it protects for 200+ bits of entropy.
 */
export type TokenKind = 'cfk' | 'cfs';

export function mintToken(kind: TokenKind): { token: string; prefix: string; secretHash: string } {
  const prefix = `${kind}_${randomToken(12)}`;
  const token = `${prefix}_${randomToken(40)}`;
  return { token, prefix, secretHash: sha256(token) };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function parseToken(token: string, kind: TokenKind): { prefix: string } | null {
  const match = new RegExp(`^(${kind}_[0-9a-z]{12})_[0-9a-z]{40}$`).exec(token);
  return match?.[1] ? { prefix: match[1] } : null;
}

export function tokenMatches(token: string, secretHash: string): boolean {
  const expected = Buffer.from(secretHash, 'hex');
  const actual = Buffer.from(sha256(token), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
