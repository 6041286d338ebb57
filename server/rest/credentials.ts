import { getToken } from 'next-auth/jwt';
import { prisma } from '../db';
import { now } from '../clock';
import { parseToken, tokenMatches } from '../apikeys/secret-token';
import { loadSessionUser, type SessionUser } from '../auth/sessions';
import { forbidden, unauthorized } from '../errors';
import { scopeOf, TENANT_SCOPE_SELECT } from '../tenants/tenant-access';

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

export async function authenticateApiKey(token: string) {
  const parsed = parseToken(token, 'cfk');
  if (!parsed) throw unauthorized('invalid API key', 'INVALID_API_KEY');
  const key = await prisma.apiKey.findUnique({
    where: { prefix: parsed.prefix },
    select: { id: true, tenantId: true, secretHash: true, scopes: true, revokedAt: true, expiresAt: true, lastUsedAt: true, createdByUserId: true, tenant: { select: TENANT_SCOPE_SELECT } },
  });
  const at = now();
  const scope = key && scopeOf(key.tenant, null);
  if (!key || !scope || !tokenMatches(token, key.secretHash) || key.revokedAt || (key.expiresAt && key.expiresAt <= at)) {
    throw unauthorized('invalid API key', 'INVALID_API_KEY');
  }
  if (!key.lastUsedAt || at.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { tenantId_id: { tenantId: key.tenantId, id: key.id } }, data: { lastUsedAt: at } });
  }
  return { id: key.id, tenantId: key.tenantId, scopes: key.scopes, createdByUserId: key.createdByUserId, scope };
}

export async function authenticateService(token: string, requiredScope: string) {
  const parsed = parseToken(token, 'cfs');
  if (!parsed) throw unauthorized('invalid service credential', 'INVALID_SERVICE_CREDENTIAL');
  const credential = await prisma.serviceCredential.findUnique({
    where: { prefix: parsed.prefix },
    select: { id: true, name: true, secretHash: true, scopes: true, revokedAt: true, lastUsedAt: true },
  });
  if (!credential || !tokenMatches(token, credential.secretHash) || credential.revokedAt) {
    throw unauthorized('invalid service credential', 'INVALID_SERVICE_CREDENTIAL');
  }
  if (!credential.scopes.includes(requiredScope)) throw forbidden(`this credential lacks the ${requiredScope} scope`, 'SCOPE_MISSING');
  const at = now();
  if (!credential.lastUsedAt || at.getTime() - credential.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.serviceCredential.update({ where: { id: credential.id }, data: { lastUsedAt: at } });
  }
  return { id: credential.id, name: credential.name };
}

const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

/** The portal's own session cookie, for endpoints a signed-in person may call from the browser. */
export async function sessionUserFromCookie(request: Request): Promise<SessionUser | null> {
  const cookie = request.headers.get('cookie') ?? '';
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  for (const cookieName of SESSION_COOKIES) {
    if (!cookie.includes(`${cookieName}=`)) continue;
    const token = await getToken({ req: request, secret, cookieName, salt: cookieName, secureCookie: cookieName.startsWith('__Secure-') });
    if (token && typeof token.sid === 'string') return loadSessionUser(token.sid);
  }
  return null;
}
