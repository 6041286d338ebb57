import { forbidden } from '../errors';

/**
 * CSRF in depth for requests a browser authenticates with our session cookie (SameSite=Lax
 * already keeps most cross-site posts away): a state-changing request must come from our own
 * pages. Browsers say where a request came from in Sec-Fetch-Site (all current ones) and Origin
 * (on every non-GET fetch); either one pointing elsewhere is refused. A client that sends
 * neither (curl, a server) is not a browser riding on a victim's cookie, so it passes.
 */
export type RequestSite = {
  /** The Origin header as sent, or null. */
  origin: string | null;
  /** The Sec-Fetch-Site header as sent, or null. */
  secFetchSite: string | null;
  /** Hosts this request was addressed to: the Host header and the URL's host. */
  hosts: string[];
  /** The request URL's own origin. */
  ownOrigin: string | null;
};

export function requestSite(headers: Headers, url?: string): RequestSite {
  let own: URL | null = null;
  try {
    own = url ? new URL(url) : null;
  } catch {
    own = null;
  }
  const host = headers.get('host')?.trim().toLowerCase();
  const hosts = [host, own?.host.toLowerCase()].filter((value): value is string => Boolean(value));
  return { origin: headers.get('origin'), secFetchSite: headers.get('sec-fetch-site'), hosts, ownOrigin: own?.origin ?? null };
}

/** True when the request may act with the caller's cookie: same-origin (or unsaid) and, if an Origin is given, ours. */
export function isSameOrigin(site: RequestSite): boolean {
  const fetchSite = site.secFetchSite?.trim().toLowerCase();
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return false;
  if (site.origin === null) return true;
  if (site.ownOrigin !== null && site.origin === site.ownOrigin) return true;
  let origin: URL;
  try {
    origin = new URL(site.origin);
  } catch {
    return false; // "null" (sandboxed frames, privacy redirects) and garbage
  }
  // Behind a TLS-terminating proxy the URL says http while the browser's Origin says https:
  // the host (with port) decides, for either scheme, and the Origin must be a bare origin.
  if (origin.protocol !== 'https:' && origin.protocol !== 'http:') return false;
  if (origin.origin !== site.origin.toLowerCase().replace(/\/$/, '')) return false;
  return site.hosts.includes(origin.host);
}

/** 403 CROSS_SITE_REQUEST unless `isSameOrigin`. */
export function assertSameOrigin(site: RequestSite): void {
  if (!isSameOrigin(site)) throw forbidden('cross-site requests may not use the session cookie', 'CROSS_SITE_REQUEST');
}
