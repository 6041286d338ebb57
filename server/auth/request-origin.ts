import { NextRequest } from 'next/server';

/**
 * Next builds a route's request URL from the host it was started with (0.0.0.0 and 127.x become `localhost`), not
 * from the host the client asked for, and Auth.js makes every absolute URL it answers with
 * (redirects after sign-in and sign-out, error pages) from that URL. Rebuild it from the Host the
 * request came to: the edge (server/edge) has dropped forwarded headers unless a trusted proxy
 * sent them, and Next fills X-Forwarded-Host/-Proto from the socket otherwise, so a caller can
 * only name the host its own request went to.
 */
export function withRequestOrigin(handler: (request: NextRequest) => Promise<Response>) {
  return (request: NextRequest): Promise<Response> => {
    const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host');
    const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
    if (!host || !/^[a-z0-9.\-:[\]]+$/i.test(host)) return handler(request);
    const url = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, `${proto}://${host}`);
    return handler(new NextRequest(url, request));
  };
}
