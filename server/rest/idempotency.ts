import { createHash } from 'node:crypto';
import { prisma } from '../db';
import { now } from '../clock';
import { badRequest, conflict } from '../errors';

/** Stripe keeps keys at least 24 hours; so do we. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** Keys are per tenant, as Stripe's are per account; the fingerprint carries method and path. */
const REST_SCOPE = 'rest';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** A response as it is stored for replay: status, the exact body, and the content type. */
export type StoredResponse = { status: number; body: string; contentType: string };

export function requestFingerprint(method: string, path: string, rawBody: string): string {
  return createHash('sha256').update(`${method}\n${path}\n${rawBody}`).digest('hex');
}

/**
 * Runs `execute` once per (tenant, key). A retry with the same request gets the first response
 * byte for byte; the same key with another request gets 409, as does a retry while the first
 * is still running. A failed (5xx) first attempt releases the key so it can be retried.
 */
export async function runIdempotent(args: {
  tenantId: string;
  key: string;
  fingerprint: string;
  execute: () => Promise<StoredResponse>;
}): Promise<StoredResponse & { replayed: boolean }> {
  if (!KEY_PATTERN.test(args.key)) throw badRequest('Idempotency-Key must be 1-255 printable ASCII characters', 'INVALID_IDEMPOTENCY_KEY');
  const createdAt = now();
  const expiresAt = new Date(createdAt.getTime() + IDEMPOTENCY_TTL_HOURS * 3_600_000);
  await prisma.idempotencyKey.deleteMany({ where: { tenantId: args.tenantId, scope: REST_SCOPE, key: args.key, expiresAt: { lte: createdAt } } });
  const claimed = await prisma.idempotencyKey.createMany({
    data: [{ tenantId: args.tenantId, scope: REST_SCOPE, key: args.key, requestHash: args.fingerprint, state: 'in_progress', createdAt, expiresAt }],
    skipDuplicates: true,
  });
  if (claimed.count === 0) return replay(args);
  let response: StoredResponse;
  try {
    response = await args.execute();
  } catch (error) {
    await release(args.tenantId, args.key);
    throw error;
  }
  if (response.status >= 500) {
    await release(args.tenantId, args.key);
    return { ...response, replayed: false };
  }
  await prisma.idempotencyKey.update({
    where: { tenantId_scope_key: { tenantId: args.tenantId, scope: REST_SCOPE, key: args.key } },
    data: { state: 'completed', responseStatus: response.status, responseBody: response.body, responseHeaders: { 'content-type': response.contentType } },
  });
  return { ...response, replayed: false };
}

async function replay(args: { tenantId: string; key: string; fingerprint: string }): Promise<StoredResponse & { replayed: boolean }> {
  const stored = await prisma.idempotencyKey.findUnique({ where: { tenantId_scope_key: { tenantId: args.tenantId, scope: REST_SCOPE, key: args.key } } });
  if (!stored) throw conflict('the request with this Idempotency-Key was just released; retry', 'IDEMPOTENCY_RETRY');
  if (stored.requestHash !== args.fingerprint) throw conflict('Idempotency-Key was already used with a different request', 'IDEMPOTENCY_KEY_REUSED');
  if (stored.state !== 'completed' || stored.responseStatus === null || stored.responseBody === null) {
    throw conflict('a request with this Idempotency-Key is still in progress', 'IDEMPOTENCY_IN_PROGRESS');
  }
  const headers = (stored.responseHeaders ?? {}) as { 'content-type'?: string };
  return { status: stored.responseStatus, body: stored.responseBody, contentType: headers['content-type'] ?? 'application/json; charset=utf-8', replayed: true };
}

async function release(tenantId: string, key: string): Promise<void> {
  await prisma.idempotencyKey.deleteMany({ where: { tenantId, scope: REST_SCOPE, key, state: 'in_progress' } });
}
