import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { AppError } from '../errors';
import { writeJson } from '../json';
import { resolveClient, type TrustedProxies } from '../platform/client-address';
import { EDGE_HEADERS, type RequestMeta } from '../platform/request-meta';
import { envelopeForPath, newEnvelopeMeta } from '../rest/envelopes';
import { coalesceResponseWrites } from './coalesce-writes';
import { API_CSP, FRAMABLE_FILE_CSP, commonSecurityHeaders, isFramableFilePath, newNonce, pageCsp } from './security-headers';

export type EdgeConfig = { proxies: TrustedProxies; seal: string; dev: boolean };

/** Methods the portal answers; TRACE, TRACK, CONNECT and inventions get 405 before Next sees them. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

const isApiPath = (pathname: string) => /^\/(api|internal|billing|v1|no_auth|sandbox)(\/|$)/.test(pathname);

/** The path as Next will decode it; null when it cannot be decoded or holds control characters. */
function decodablePath(rawUrl: string): string | null {
  const pathname = rawUrl.split('?')[0] ?? '/';
  try {
    const decoded = decodeURIComponent(pathname);
    return /[\u0000-\u001f\u007f]/.test(decoded) ? null : pathname;
  } catch {
    return null;
  }
}

/** tRPC's own error shape (superjson-wrapped), so its client reads the refusal like any other. */
function trpcError(status: number, message: string) {
  const code = status === 405 ? { json: -32005, name: 'METHOD_NOT_SUPPORTED' } : { json: -32600, name: 'BAD_REQUEST' };
  return { error: { json: { message, code: code.json, data: { code: code.name, httpStatus: status } } } };
}

function refuse(res: ServerResponse, pathname: string, meta: RequestMeta, status: 400 | 405, message: string): void {
  if (status === 405) res.setHeader('allow', [...METHODS].join(', '));
  if (pathname.startsWith('/api/trpc')) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(writeJson(trpcError(status, message)));
    return;
  }
  if (isApiPath(pathname)) {
    const envelopeMeta = newEnvelopeMeta(meta);
    const error = new AppError('BAD_REQUEST', status === 405 ? 'METHOD_NOT_ALLOWED' : 'MALFORMED_PATH', message);
    const body = envelopeForPath(pathname).error(error, envelopeMeta);
    // The envelope prints the 400 code; a 405 keeps its own status on the wire and in the body.
    const withStatus = status === 405 && body && typeof body === 'object' && 'code' in body ? { ...body, code: 405 } : body;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-trace-id': envelopeMeta.traceId }).end(writeJson(withStatus));
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${status === 405 ? 'Method not allowed' : 'Bad request'}: ${message}\n`);
}

/**
 * Everything the portal decides about a request before Next routes it: who the client is (the
 * socket, or a trusted proxy's word), a request id of our own, the security headers, and the
 * requests no route should see. Returns false when it answered the request itself.
 */
export function prepareRequest(req: IncomingMessage, res: ServerResponse, config: EdgeConfig): boolean {
  const requestId = randomUUID();
  const client = resolveClient(req.socket.remoteAddress, header(req, 'x-forwarded-for'), header(req, 'x-forwarded-proto'), config.proxies);
  const overTls = Boolean((req.socket as TLSSocket).encrypted) || client.forwardedHttps;

  // Nothing a caller wrote about itself survives: our own headers are replaced, forwarded ones
  // are kept only from a trusted proxy (Next then fills X-Forwarded-For from the socket).
  for (const name of [...Object.values(EDGE_HEADERS), 'content-security-policy', 'content-security-policy-report-only', 'x-request-id']) delete req.headers[name];
  if (!client.viaTrustedProxy) for (const name of ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'x-real-ip', 'forwarded']) delete req.headers[name];
  req.headers[EDGE_HEADERS.clientIp] = client.ip;
  req.headers[EDGE_HEADERS.requestId] = requestId;
  req.headers[EDGE_HEADERS.seal] = config.seal;

  res.setHeader('x-request-id', requestId);
  for (const [name, value] of Object.entries(commonSecurityHeaders(overTls))) res.setHeader(name, value);

  const rawUrl = req.url ?? '/';
  const pathname = rawUrl.split('?')[0] ?? '/';
  const api = isApiPath(pathname);
  if (api) {
    res.setHeader('content-security-policy', API_CSP);
    res.setHeader('cache-control', 'no-store');
  } else if (isFramableFilePath(pathname)) {
    res.setHeader('content-security-policy', FRAMABLE_FILE_CSP);
    res.setHeader('x-frame-options', 'SAMEORIGIN');
  } else {
    const policy = pageCsp(newNonce(), config.dev);
    req.headers['content-security-policy'] = policy;
    res.setHeader('content-security-policy', policy);
  }

  const meta: RequestMeta = { ip: client.ip, userAgent: '', requestId };
  if (!METHODS.has(req.method ?? '')) {
    refuse(res, pathname, meta, 405, `method ${String(req.method).slice(0, 16)} is not allowed`);
    return false;
  }
  if (decodablePath(rawUrl) === null) {
    refuse(res, pathname, meta, 400, 'the request path is not valid percent-encoded UTF-8');
    return false;
  }
  // Next rebuilds the query through a plain object, where `__proto__` vanishes instead of reaching
  // the routes' unknown-parameter check: refuse it here, as those checks refuse any other stranger.
  if (api && new URLSearchParams(rawUrl.slice(pathname.length + 1)).has('__proto__')) {
    refuse(res, pathname, meta, 400, 'unknown query parameter "__proto__"');
    return false;
  }
  logServerErrors(req, res, requestId);
  coalesceResponseWrites(res);
  return true;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Every 5xx is logged once, with its request id. Our REST and tRPC layers log their own 500s
 * (with the error's class) and mark the response with X-Trace-Id; anything else is logged here.
 */
function logServerErrors(req: IncomingMessage, res: ServerResponse, requestId: string): void {
  res.once('finish', () => {
    if (res.statusCode < 500 || res.hasHeader('x-trace-id')) return;
    const path = (req.url ?? '/').split('?')[0]!.slice(0, 200);
    console.error(`[http] ${res.statusCode} ${requestId} ${req.method} ${path}`);
  });
}
