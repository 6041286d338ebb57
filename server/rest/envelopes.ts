import type { RequestMeta } from '../platform/request-meta';
import { now } from '../clock';
import type { AppError } from '../errors';
import { rfc3339 } from '../time/rfc3339';

/** Per-request facts an envelope may print, and where the request came from (for the actor). */
export type EnvelopeMeta = { traceId: string; timestamp: string; request: RequestMeta };

/** The trace id is the edge's request id (the same one as X-Request-Id and the audit rows' request_id). */
export function newEnvelopeMeta(request: RequestMeta): EnvelopeMeta {
  return { traceId: `TRACE-${request.requestId.toUpperCase()}`, timestamp: rfc3339(now()), request };
}


/** How one seed wraps a success and an error (WIRE.md). */
export type Envelope = {
  success: (body: unknown, meta: EnvelopeMeta) => unknown;
  error: (error: AppError, meta: EnvelopeMeta) => unknown;
};

/** Seed 000 (internal export): {code, message, timestamp, data}. */
export const internalEnvelope: Envelope = {
  success: (data, meta) => ({ code: 200, message: 'ok', timestamp: meta.timestamp, data }),
  error: (error, meta) => ({ code: error.status, message: error.message, timestamp: meta.timestamp, data: null }),
};

/** Seed 001 (billing records): the list fields sit beside code/message/timestamp. */
export const recordsEnvelope: Envelope = {
  success: (body, meta) => ({ code: 200, message: 'ok', ...(body as object), timestamp: meta.timestamp }),
  error: (error, meta) => ({ code: error.status, message: error.message, timestamp: meta.timestamp }),
};

/** Seed 002 (daily bill detail, camelCase). */
export const dailyDetailEnvelope: Envelope = {
  success: (content, meta) => ({ code: 200, content, errorCode: '', message: '', success: true, traceId: meta.traceId }),
  error: (error, meta) => ({ code: error.status, content: [], errorCode: error.reason, message: error.message, success: false, traceId: meta.traceId }),
};

/** Seed 003 (F5): the body itself; errors are a bare JSON string, F5's documented form. */
export const f5Envelope: Envelope = {
  success: (body) => body,
  error: (error) => error.message,
};

/** Seed 004 (hourly bill details): google.rpc-style errors. */
export const hourlyDetailEnvelope: Envelope = {
  success: (body) => body,
  error: (error) => ({ code: error.status, message: error.message, details: error.details }),
};

/**
 * Which envelope a path answers in, for errors raised before any route runs (the edge's 400 and
 * 405). Route handlers name their envelope themselves; this mirrors the seeds' path prefixes.
 */
export function envelopeForPath(pathname: string): Envelope {
  if (pathname.startsWith('/api/web/') || pathname.startsWith('/api/data/') || pathname.startsWith('/no_auth/')) return f5Envelope;
  if (pathname.startsWith('/api/v1/billing/detail')) return dailyDetailEnvelope;
  if (pathname.startsWith('/v1/bills/')) return hourlyDetailEnvelope;
  if (pathname.startsWith('/billing/records')) return recordsEnvelope;
  return internalEnvelope;
}
