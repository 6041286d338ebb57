import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '@/app/api/operations';
import { openApiDocument } from './openapi';

/** REST route files (not the portal's own tRPC, auth and OpenAPI endpoints). */
const INTERNAL_ROUTES = ['/api/trpc/{trpc}', '/api/auth/{...nextauth}', '/api/openapi.json'];
const APP = resolve(process.cwd(), 'app');

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return entry === 'route.ts' ? [path] : [];
  });
}

const servedPath = (file: string) => `/${relative(APP, dirname(file)).split(sep).join('/')}`.replace(/\[([^\]]+)\]/g, '{$1}');
/** `app/<prefix>/[...unknown]/route.ts`: the JSON 404 of each API prefix (server/rest/unknown-path.ts), not an operation. */
const isUnknownPathFallback = (file: string) => servedPath(file).endsWith('/{...unknown}');
const restRouteFiles = () => routeFiles(APP).filter((file) => !INTERNAL_ROUTES.includes(servedPath(file)) && !isUnknownPathFallback(file));

describe('OpenAPI document', () => {
  it('lists exactly the REST routes the app serves', () => {
    expect([...new Set(OPERATIONS.map((operation) => operation.path))].sort()).toEqual(restRouteFiles().map(servedPath).sort());
    expect(OPERATIONS).toHaveLength(restRouteFiles().length);
  });

  it('every REST route declares its operation beside it, and the registry lists that very declaration', async () => {
    for (const file of restRouteFiles()) {
      const declaration = join(dirname(file), 'operation.ts');
      expect(existsSync(declaration), `${servedPath(file)} has no operation.ts`).toBe(true);
      const { operation } = await import(pathToFileURL(declaration).href);
      expect(operation.path, declaration).toBe(servedPath(file));
      expect(OPERATIONS, `${servedPath(file)} is not in app/api/operations.ts`).toContain(operation);
      const route = await import(pathToFileURL(file).href);
      expect(Object.keys(route), servedPath(file)).toEqual([operation.method.toUpperCase()]);
    }
  });

  it('is generated from the zod schemas, with every documented field', () => {
    const document = openApiDocument(OPERATIONS);
    const current = document.paths['/api/web/namespaces/{namespace}/usage_plans/current']?.get as { responses: Record<number, { content: Record<string, { schema: { properties: Record<string, unknown> } }> }> };
    const schema = current.responses[200]!.content['application/json']!.schema;
    expect(Object.keys(schema.properties)).toEqual(['locale', 'plans']);
    expect(JSON.stringify(schema)).toContain('flat_price');
    expect(JSON.stringify(schema)).toContain('STATE_TRANSITION_PENDING');
    expect(new Set(OPERATIONS.map((operation) => operation.operationId)).size).toBe(OPERATIONS.length);
  });

  it('documents each operation\'s error form, scope and query parameters from its declaration', () => {
    const document = openApiDocument(OPERATIONS);
    for (const operation of OPERATIONS) {
      const documented = document.paths[operation.path]?.[operation.method] as { operationId: string; 'x-scope'?: string; responses: Record<number, { content: Record<string, { schema: { type: string } }> }> };
      expect(documented.operationId).toBe(operation.operationId);
      expect(documented['x-scope']).toBe(operation.scope);
      expect(documented.responses[404]!.content['application/json']!.schema.type).toBe(/^\/(api\/web|no_auth)\//.test(operation.path) ? 'string' : 'object');
    }
  });

  it('the README’s endpoint table lists every operation, with its method', () => {
    const readme = readFileSync(resolve(process.cwd(), 'README.md'), 'utf8');
    for (const operation of OPERATIONS) expect(readme, operation.path).toContain(`| ${operation.method.toUpperCase()} | \`${operation.path}\` |`);
  });
});
