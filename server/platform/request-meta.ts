/**
 * Where a request came from, as the edge server (server/edge) decided it: the client address
 * (the socket's, or a trusted proxy's X-Forwarded-For), a server-made request id and a cleaned
 * user agent. Both transports (tRPC and REST) and sign-in read it through `requestMetaFrom`;
 * nothing here trusts a header a caller could have written itself.
 */
export type RequestMeta = { ip: string; userAgent: string; requestId: string };

/** Headers the edge writes on the request it hands to Next; any copies a caller sent are dropped there. */
export const EDGE_HEADERS = {
  clientIp: 'x-counterfoil-client-ip',
  requestId: 'x-counterfoil-request-id',
  /** A per-process secret: the other edge headers count only when it matches (so a bare `next start` trusts nothing). */
  seal: 'x-counterfoil-edge',
} as const;

export const EDGE_SEAL_ENV = 'COUNTERFOIL_EDGE_SEAL';

/** An address we could not attribute (no edge in front of this process). */
export const UNKNOWN_IP = 'unknown';

const USER_AGENT_MAX = 256;

/** Printable ASCII only, no markup characters, one space between words, at most 256 characters. */
export function cleanUserAgent(raw: string | null): string {
  if (!raw) return '';
  return raw.replace(/[^\x20-\x7e]|[<>"'`]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, USER_AGENT_MAX);
}

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sealed(headers: Headers): boolean {
  const seal = process.env[EDGE_SEAL_ENV];
  return Boolean(seal) && headers.get(EDGE_HEADERS.seal) === seal;
}

/** The request's metadata; without the edge's seal, the address is unknown and the id is made here. */
export function requestMetaFrom(headers: Headers): RequestMeta {
  const trusted = sealed(headers);
  const requestId = trusted ? headers.get(EDGE_HEADERS.requestId) : null;
  return {
    ip: (trusted && headers.get(EDGE_HEADERS.clientIp)) || UNKNOWN_IP,
    userAgent: cleanUserAgent(headers.get('user-agent')),
    requestId: requestId && REQUEST_ID.test(requestId) ? requestId : crypto.randomUUID(),
  };
}
