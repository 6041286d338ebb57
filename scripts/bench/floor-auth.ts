import { createHash, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { API_KEY_BY_PREFIX_SQL } from '../../server/rest/api-key-sql';

/**
 * The API-key check of the bench floors, with the statements the portal's guard runs: the key and
 * its tenant in one (server/rest/api-key-sql.ts, the very text), SHA-256 compared in constant
 * time, last_used_at written at most once a minute (Prisma's update, captured with
 * scripts/bench/capture-sql.ts), then the scope.
 */
const SQL = {
  apiKey: API_KEY_BY_PREFIX_SQL,
  touchKey: 'UPDATE "public"."api_keys" SET "last_used_at" = $1 WHERE (("public"."api_keys"."tenant_id" = $2 AND "public"."api_keys"."id" = $3) AND 1=1) RETURNING "public"."api_keys"."tenant_id", "public"."api_keys"."id", "public"."api_keys"."name", "public"."api_keys"."prefix", "public"."api_keys"."secret_hash", "public"."api_keys"."scopes", "public"."api_keys"."created_by_user_id", "public"."api_keys"."created_at", "public"."api_keys"."last_used_at", "public"."api_keys"."expires_at", "public"."api_keys"."revoked_at"',
};

const TOKEN = /^(cfk_[0-9a-z]{12})_[0-9a-z]{40}$/;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type FloorCaller = { key: Row; tenant: Row } | { status: number; message: string };

/** `Authorization: Bearer|APIToken <key>` or `DF-API-KEY: <key>`, as the portal reads them. */
export function credentialOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const dfKey = headers['df-api-key'];
  if (typeof dfKey === 'string' && dfKey.trim()) return dfKey.trim();
  return /^(?:Bearer|APIToken)\s+(\S+)$/i.exec(String(headers.authorization ?? '').trim())?.[1];
}

/** `token` as credentialOf read it. */
export async function authenticateKey(pool: pg.Pool, token: string | undefined, scope: 'read' | 'write'): Promise<FloorCaller> {
  const prefix = token ? TOKEN.exec(token)?.[1] : undefined;
  if (!token || !prefix) return { status: 401, message: 'invalid API key' };
  const key = (await pool.query(SQL.apiKey, [prefix])).rows[0];
  const at = new Date();
  const expected = key ? Buffer.from(key.secret_hash, 'hex') : Buffer.alloc(0);
  const actual = createHash('sha256').update(token).digest();
  const matches = expected.length === actual.length && timingSafeEqual(expected, actual);
  if (!key || key.tenant_status === 'closed' || !matches || key.revoked_at || (key.expires_at && key.expires_at <= at)) return { status: 401, message: 'invalid API key' };
  if (!key.last_used_at || at.getTime() - key.last_used_at.getTime() > 60_000) await pool.query(SQL.touchKey, [at, key.tenant_id, key.id]);
  if (!(key.scopes as string[]).includes(scope)) return { status: 403, message: `this API key lacks the ${scope} scope` };
  const tenant = { id: key.tenant_id, name: key.tenant_name, currency: key.tenant_currency, locale: key.tenant_locale, billing_timezone: key.tenant_billing_timezone, status: key.tenant_status };
  return { key, tenant };
}
