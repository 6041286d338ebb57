import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The REST route files under app/, as the OpenAPI and REST-isolation tests see them: every
 * `route.ts` but the portal's own endpoints (tRPC, Auth.js, the OpenAPI document), the routes of
 * portal pages (`/t/…` and `/staff/…`: CSV and PDF downloads behind the page session), and the
 * JSON 404 catch-alls of each API prefix (server/rest/unknown-path.ts).
 */
const PORTAL_ENDPOINTS = ['/api/trpc/{trpc}', '/api/auth/{...nextauth}', '/api/openapi.json'];
/** The sandbox payment processor's own API (its tokenize endpoint), not the billing API: see README, Payments. */
const PROCESSOR_ENDPOINTS = ['/sandbox/v1/tokens'];
const PORTAL_PAGE_PREFIXES = ['/t/', '/staff/'];
export const APP_DIR = resolve(process.cwd(), 'app');

function allRouteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return allRouteFiles(path);
    return entry === 'route.ts' ? [path] : [];
  });
}

/** The URL path template a route file serves: `app/api/x/[id]/route.ts` → `/api/x/{id}`. */
export const servedPath = (file: string) => `/${relative(APP_DIR, dirname(file)).split(sep).join('/')}`.replace(/\[([^\]]+)\]/g, '{$1}');

const isUnknownPathFallback = (file: string) => servedPath(file).endsWith('/{...unknown}');
const isPortalRoute = (path: string) => PORTAL_ENDPOINTS.includes(path) || PROCESSOR_ENDPOINTS.includes(path) || PORTAL_PAGE_PREFIXES.some((prefix) => path.startsWith(prefix));

export const restRouteFiles = () => allRouteFiles(APP_DIR).filter((file) => !isPortalRoute(servedPath(file)) && !isUnknownPathFallback(file));
