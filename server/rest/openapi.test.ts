import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from './operations';
import { openApiDocument } from './openapi';

/** REST route files (not the portal's own tRPC, auth and OpenAPI endpoints). */
const INTERNAL_ROUTES = ['/api/trpc/{trpc}', '/api/auth/{...nextauth}', '/api/openapi.json'];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return entry === 'route.ts' ? [path] : [];
  });
}

function servedPaths(): string[] {
  return routeFiles('app')
    .map((file) => `/${relative('app', file).split(sep).slice(0, -1).join('/')}`.replace(/\[([^\]]+)\]/g, '{$1}'))
    .filter((path) => !INTERNAL_ROUTES.includes(path))
    .sort();
}

describe('OpenAPI document', () => {
  it('lists exactly the REST routes the app serves', () => {
    expect([...new Set(OPERATIONS.map((operation) => operation.path))].sort()).toEqual(servedPaths());
  });

  it('is generated from the zod schemas, with every documented field', () => {
    const document = openApiDocument();
    const current = document.paths['/api/web/namespaces/{namespace}/usage_plans/current']?.get as { responses: Record<number, { content: Record<string, { schema: { properties: Record<string, unknown> } }> }> };
    const schema = current.responses[200]!.content['application/json']!.schema;
    expect(Object.keys(schema.properties)).toEqual(['locale', 'plans']);
    expect(JSON.stringify(schema)).toContain('flat_price');
    expect(JSON.stringify(schema)).toContain('STATE_TRANSITION_PENDING');
    expect(new Set(OPERATIONS.map((operation) => operation.operationId)).size).toBe(OPERATIONS.length);
  });
});
