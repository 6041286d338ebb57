import { hotQuery, prisma } from '../db';
import { now } from '../clock';
import { parseToken, tokenMatches } from '../apikeys/secret-token';
import { forbidden, unauthorized, type AppError } from '../errors';
import { scopeOf } from '../tenants/tenant-access';
import { API_KEY_BY_PREFIX_SQL, type ApiKeyByPrefixRow } from './api-key-sql';
import { FailureWindows, rateLimited } from '../platform/rate-limit';
import { UNKNOWN_IP } from '../platform/request-meta';

export type PresentedCredential = { kind: 'api_key' | 'service'; token: string };

/** `Authorization: Bearer|APIToken <token>` or `DF-API-KEY: <token>`; null when none was sent. */
export function presentedCredential(headers: Headers): PresentedCredential | null {
  const authorization = headers.get('authorization')?.trim();
  const dfKey = headers.get('df-api-key')?.trim();
  let token: string | undefined;
  if (authorization) {
    const match = /^(Bearer|APIToken)\s+(\S+)$/i.exec(authorization);
    if (!match?.[2]) throw unauthorized('malformed Authorization header', 'INVALID_CREDENTIALS');
    token = match[2];
  } else if (dfKey) {
    token = dfKey;
  }
  if (!token) return null;
  if (token.startsWith('cfs_')) return { kind: 'service', token };
  return { kind: 'api_key', token };
}

/** Only refresh last_used_at this often, so a busy key does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Failed credential lookups, per client address and per key prefix: past the limit the caller is
 * refused with 429 before the database is asked, so guessing costs the guesser, not us. A
 * malformed token is a failure of its address. An address we could not attribute (no edge in
 * front of this process) is not counted: one shared bucket would let anyone lock everyone out.
 */
const FAILED_LOOKUP_WINDOW_MS = 5 * 60_000;
export const FAILED_LOOKUPS_PER_IP = 30;
export const FAILED_LOOKUPS_PER_PREFIX = 10;
const failuresByIp = new FailureWindows(FAILED_LOOKUPS_PER_IP, FAILED_LOOKUP_WINDOW_MS);
const failuresByPrefix = new FailureWindows(FAILED_LOOKUPS_PER_PREFIX, FAILED_LOOKUP_WINDOW_MS);

function lookupGate(ip: string, prefix: string | null) {
  const ipKey = ip === UNKNOWN_IP ? null : `ip:${ip}`;
  const prefixKey = prefix ? `prefix:${prefix}` : null;
  return {
    /** Throws 429 when this address or prefix has failed too often. */
    check() {
      const at = now().getTime();
      const wait = Math.max(ipKey ? failuresByIp.blockedFor(ipKey, at) : 0, prefixKey ? failuresByPrefix.blockedFor(prefixKey, at) : 0);
      if (wait > 0) throw rateLimited(wait);
    },
    /** Records the failure, then returns the error to throw. */
    fail(error: AppError): AppError {
      const at = now().getTime();
      if (ipKey) failuresByIp.recordFailure(ipKey, at);
      if (prefixKey) failuresByPrefix.recordFailure(prefixKey, at);
      return error;
    },
  };
}

/** `ip` is the client address from the request's metadata (requestMetaFrom). */
export async function authenticateApiKey(token: string, ip: string = UNKNOWN_IP) {
  const parsed = parseToken(token, 'cfk');
  const gate = lookupGate(ip, parsed?.prefix ?? null);
  gate.check();
  if (!parsed) throw gate.fail(unauthorized('invalid API key', 'INVALID_API_KEY'));
  const [key] = await hotQuery<ApiKeyByPrefixRow>(API_KEY_BY_PREFIX_SQL, [parsed.prefix]);
  const at = now();
  const scope = key && scopeOf({ id: key.tenant_id, name: key.tenant_name, currency: key.tenant_currency, locale: key.tenant_locale, billingTimezone: key.tenant_billing_timezone, status: key.tenant_status }, null);
  if (!key || !scope || !tokenMatches(token, key.secret_hash) || key.revoked_at || (key.expires_at && key.expires_at <= at)) {
    throw gate.fail(unauthorized('invalid API key', 'INVALID_API_KEY'));
  }
  if (!key.last_used_at || at.getTime() - key.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { tenantId_id: { tenantId: key.tenant_id, id: key.id } }, data: { lastUsedAt: at } });
  }
  return { id: key.id, tenantId: key.tenant_id, scopes: key.scopes, createdByUserId: key.created_by_user_id, scope };
}

/** `ip` as for authenticateApiKey; failures share its per-address and per-prefix limits. */
export async function authenticateService(token: string, requiredScope: string, ip: string = UNKNOWN_IP) {
  const parsed = parseToken(token, 'cfs');
  const gate = lookupGate(ip, parsed?.prefix ?? null);
  gate.check();
  if (!parsed) throw gate.fail(unauthorized('invalid service credential', 'INVALID_SERVICE_CREDENTIAL'));
  const credential = await prisma.serviceCredential.findUnique({
    where: { prefix: parsed.prefix },
    select: { id: true, name: true, secretHash: true, scopes: true, revokedAt: true, lastUsedAt: true, previousSecretHash: true, previousSecretExpiresAt: true },
  });
  // After a rotation the replaced secret (same prefix) is accepted until its overlap ends on the clock.
  const inOverlap = (c: NonNullable<typeof credential>) => Boolean(c.previousSecretHash && c.previousSecretExpiresAt && c.previousSecretExpiresAt > now() && tokenMatches(token, c.previousSecretHash));
  if (!credential || !(tokenMatches(token, credential.secretHash) || inOverlap(credential)) || credential.revokedAt) {
    throw gate.fail(unauthorized('invalid service credential', 'INVALID_SERVICE_CREDENTIAL'));
  }
  if (!credential.scopes.includes(requiredScope)) throw forbidden(`this credential lacks the ${requiredScope} scope`, 'SCOPE_MISSING');
  const at = now();
  if (!credential.lastUsedAt || at.getTime() - credential.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.serviceCredential.update({ where: { id: credential.id }, data: { lastUsedAt: at } });
  }
  return { id: credential.id, name: credential.name };
}

