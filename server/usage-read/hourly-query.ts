import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError, badRequest } from '../errors';
import { authSecret } from '../platform/runtime-config';

/**
 * F5's `hourly_breakdown_query`: base64url of a JSON object naming one usage series (tenant,
 * namespace, app, resource type) and its range, with an HMAC of those fields under the server's
 * secret. Opaque to callers: edited or made up → 400; a genuine query of another tenant → 404 (its
 * existence is not revealed). It does not expire: it names fixed past hours, like F5's.
 */
export type HourlyQuery = { tenantId: string; namespaceId: string; appId: string; resourceType: string; from: Date; to: Date };

type Payload = { v: 1; t: string; n: string; a: string; r: string; f: string; u: string };

const invalid = () => badRequest('query is not a valid hourly_breakdown_query; pass the one usage_details returned, unchanged', 'INVALID_QUERY');

function mac(payload: Payload): string {
  const canonical = JSON.stringify([payload.v, payload.t, payload.n, payload.a, payload.r, payload.f, payload.u]);
  return createHmac('sha256', `usage-hourly-query:${authSecret()}`).update(canonical).digest('base64url');
}

export function encodeHourlyQuery(query: HourlyQuery): string {
  const payload: Payload = { v: 1, t: query.tenantId, n: query.namespaceId, a: query.appId, r: query.resourceType, f: query.from.toISOString(), u: query.to.toISOString() };
  return Buffer.from(JSON.stringify({ ...payload, s: mac(payload) })).toString('base64url');
}

export function decodeHourlyQuery(token: string, tenantId: string): HourlyQuery {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw invalid();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!parsed || typeof parsed !== 'object' || parsed.v !== 1) throw invalid();
  const fields = ['t', 'n', 'a', 'r', 'f', 'u', 's'] as const;
  if (fields.some((f) => typeof parsed[f] !== 'string') || Object.keys(parsed).length !== fields.length + 1) throw invalid();
  const payload = parsed as Payload & { s: string };
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(payload.s);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  const from = new Date(payload.f);
  const to = new Date(payload.u);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw invalid();
  const query = { tenantId: payload.t, namespaceId: payload.n, appId: payload.a, resourceType: payload.r, from, to };
  // Only the exact bytes we issued: trailing or re-encoded characters that decode alike are edits too.
  if (encodeHourlyQuery(query) !== token) throw invalid();
  if (payload.t !== tenantId) throw new AppError('NOT_FOUND', 'USAGE_QUERY_NOT_FOUND', 'usage query not found');
  return query;
}
