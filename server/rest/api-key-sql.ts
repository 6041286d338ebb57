/**
 * Every API-key request's lookup: the key by its prefix with the printed tenant columns the scope
 * needs, one statement instead of a key read and then a tenant read (two round trips on every
 * call). Plain text with no imports: the seed 001 bench floor (scripts/bench/records-floor.ts) runs the same text.
 * Parameter: $1 the key's prefix.
 */
export const API_KEY_BY_PREFIX_SQL = `SELECT k.id, k.tenant_id, k.secret_hash, k.scopes, k.revoked_at, k.expires_at, k.last_used_at, k.created_by_user_id,
  t.name AS tenant_name, t.currency AS tenant_currency, t.locale AS tenant_locale, t.billing_timezone AS tenant_billing_timezone, t.status::text AS tenant_status
FROM api_keys k JOIN tenants t ON t.id = k.tenant_id WHERE k.prefix = $1`;

export type ApiKeyByPrefixRow = {
  id: string; tenant_id: string; secret_hash: string; scopes: string[]; revoked_at: Date | null; expires_at: Date | null; last_used_at: Date | null;
  created_by_user_id: string | null; tenant_name: string; tenant_currency: string; tenant_locale: string; tenant_billing_timezone: string; tenant_status: string;
};
