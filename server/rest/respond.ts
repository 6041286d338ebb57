import { writeJson } from '../json';
import { toAppError, type AppError } from '../errors';
import type { Envelope, EnvelopeMeta } from './envelopes';

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } as const;

export function jsonResponse(body: unknown, status: number, meta: EnvelopeMeta): Response {
  return new Response(writeJson(body), { status, headers: { ...JSON_HEADERS, 'x-trace-id': meta.traceId } });
}

export function errorResponse(error: unknown, envelope: Envelope, meta: EnvelopeMeta): Response {
  const appError: AppError = toAppError(error);
  if (appError.code === 'INTERNAL') {
    // Log the trace id and the error's class only: driver messages may quote request data.
    console.error(`[rest] ${meta.traceId} internal error: ${error instanceof Error ? error.name : typeof error}`, error instanceof Error ? error.stack?.split('\n')[1]?.trim() : '');
  }
  const headers: Record<string, string> = { ...JSON_HEADERS, 'x-trace-id': meta.traceId };
  if (appError.status === 401) headers['www-authenticate'] = 'Bearer realm="counterfoil"';
  const retryAfter = (appError.details[0] as { retry_after_seconds?: number } | undefined)?.retry_after_seconds;
  if (appError.status === 429 && retryAfter) headers['retry-after'] = String(retryAfter);
  return new Response(writeJson(envelope.error(appError, meta)), { status: appError.status, headers });
}
