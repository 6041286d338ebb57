import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { now } from '../clock';
import { badRequest } from '../errors';
import { authSecret } from '../platform/runtime-config';

/**
 * Seed 004 `page_token`: base64url of a keyset position signed with the server's secret. It is
 * bound to the query that made it (tenant, bill, filter, order, SKU/SPU lists, detail id), so a
 * token replayed on another query, edited, or older than a day is refused with 400.
 * A keyset position (the last row's sort value and id) stays correct when rows are inserted
 * between pages: nothing is skipped or repeated, and no OFFSET scan is needed.
 */
export type KeysetPosition = { value: string; id: string };

const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

const invalidToken = () => badRequest('page_token is invalid or has expired; start again from the first page', 'INVALID_PAGE_TOKEN');

/** A stable digest of everything that shapes the result set (not the page size). */
export function queryFingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}

function sign(body: string): string {
  return createHmac('sha256', `page-token:${authSecret()}`).update(body).digest('base64url');
}

export function encodePageToken(query: string, position: KeysetPosition): string {
  const body = Buffer.from(JSON.stringify({ q: query, v: position.value, i: position.id, t: now().getTime() })).toString('base64url');
  return `${body}.${sign(body)}`;
}

export function decodePageToken(token: string, query: string): KeysetPosition {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) throw invalidToken();
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalidToken();
  let payload: { q?: unknown; v?: unknown; i?: unknown; t?: unknown };
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw invalidToken();
  }
  const age = now().getTime() - Number(payload.t);
  if (payload.q !== query || typeof payload.v !== 'string' || typeof payload.i !== 'string' || !(age >= 0 && age <= TOKEN_TTL_MS)) throw invalidToken();
  return { value: payload.v, id: payload.i };
}
