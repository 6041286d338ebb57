import { randomBytes } from 'node:crypto';

/**
 * The response headers every answer carries. Pages get a nonce-based CSP: Next reads the nonce
 * from the request's Content-Security-Policy header and puts it on the scripts it inlines, so no
 * script runs that the server did not write ('strict-dynamic' lets those load their chunks).
 */
const COMMON: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Two years, as HSTS preload lists ask; only ever sent on a request that arrived over TLS. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/** JSON and files: nothing may be framed, nothing executes. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The portal's invoice PDF (`/t/<tenant>/invoices/<invoice>/pdf`): a file, so nothing in it runs,
 * but the invoice page previews it in an <iframe>, so our own pages (and only they) may frame it.
 */
export const FRAMABLE_FILE_CSP = "default-src 'none'; object-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
export const isFramableFilePath = (pathname: string) => /^\/t\/[^/]+\/invoices\/[^/]+\/pdf$/.test(pathname);

export function pageCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React and recharts set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function commonSecurityHeaders(overTls: boolean): Record<string, string> {
  return overTls ? { ...COMMON, 'strict-transport-security': HSTS } : COMMON;
}
