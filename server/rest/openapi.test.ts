import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '@/app/api/operations';
import { openApiDocument } from './openapi';
import { writeJson } from '../json';
import type { Operation } from './operations';
import { restRouteFiles, servedPath } from '@/test/route-files';

/**
 * A route folder's `operation.ts` declares its one operation as `operation`, or, when the path
 * serves several methods (F5's quota CRUD: GET/PUT/DELETE on one object), each as `operations`.
 */
async function declaredOperations(routeFile: string): Promise<Operation[]> {
  const declared = await import(pathToFileURL(join(dirname(routeFile), 'operation.ts')).href) as { operation?: Operation; operations?: Operation[] };
  return declared.operations ?? (declared.operation ? [declared.operation] : []);
}

describe('OpenAPI document', () => {
  it('lists exactly the REST routes the app serves', async () => {
    expect([...new Set(OPERATIONS.map((operation) => operation.path))].sort()).toEqual(restRouteFiles().map(servedPath).sort());
    let declared = 0;
    for (const file of restRouteFiles()) declared += (await declaredOperations(file)).length;
    expect(OPERATIONS).toHaveLength(declared);
  });

  it('every REST route declares its operations beside it, and the registry lists those very declarations', async () => {
    for (const file of restRouteFiles()) {
      const declaration = join(dirname(file), 'operation.ts');
      expect(existsSync(declaration), `${servedPath(file)} has no operation.ts`).toBe(true);
      const operations = await declaredOperations(file);
      expect(operations.length, declaration).toBeGreaterThan(0);
      for (const operation of operations) {
        expect(operation.path, declaration).toBe(servedPath(file));
        expect(OPERATIONS, `${operation.method} ${servedPath(file)} is not in app/api/operations.ts`).toContain(operation);
      }
      const route = await import(pathToFileURL(file).href);
      expect(Object.keys(route).sort(), servedPath(file)).toEqual(operations.map((operation) => operation.method.toUpperCase()).sort());
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
      expect(documented.responses[404]!.content['application/json']!.schema.type).toBe(/^\/(api\/web|api\/data|no_auth)\//.test(operation.path) ? 'string' : 'object');
    }
  });

  it('the README’s endpoint table lists every operation, with its method', () => {
    const readme = readFileSync(resolve(process.cwd(), 'README.md'), 'utf8');
    for (const operation of OPERATIONS) expect(readme, operation.path).toContain(`| ${operation.method.toUpperCase()} | \`${operation.path}\` |`);
  });

  it('passes an OpenAPI validator, which refuses a broken copy', async () => {
    const document = openApiDocument(OPERATIONS);
    // validate() dereferences in place: give it copies.
    const result = await validate(JSON.parse(writeJson(document)) as never);
    expect(result.valid ? [] : result.errors.map((error) => error.message), 'the generated document').toEqual([]);
    expect(result.valid).toBe(true);

    const broken = JSON.parse(writeJson(document)) as unknown as { paths: Record<string, Record<string, { responses?: unknown; parameters: { in: string }[] }>> };
    const current = broken.paths['/api/web/namespaces/{namespace}/usage_plans/current']!.get!;
    delete current.responses;
    current.parameters[0]!.in = 'body-of-the-moon';
    const refused = await validate(broken as never);
    expect(refused.valid).toBe(false);
  });

  it('every operation has request and response examples that its own schemas accept', () => {
    const document = openApiDocument(OPERATIONS);
    for (const operation of OPERATIONS as readonly Operation[]) {
      const label = operation.operationId;
      const { example } = operation;
      expect(example, `${label} has no example`).toBeDefined();
      expect(operation.response.safeParse(example.response).error, `${label}: example.response`).toBeUndefined();
      // The response schema parses what the handler returns before it is written: the example must survive that unchanged.
      expect(JSON.parse(writeJson(operation.response.parse(example.response))), `${label}: example.response round trip`).toEqual(JSON.parse(writeJson(example.response)));
      if (operation.body) expect(operation.body.safeParse(example.body).error, `${label}: example.body`).toBeUndefined();
      else expect(example.body, `${label} takes no body`).toBeUndefined();
      if (operation.query) expect(operation.query.safeParse(example.query ?? {}).error, `${label}: example.query`).toBeUndefined();
      else expect(example.query, `${label} takes no query`).toBeUndefined();
      const pathNames = [...operation.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => name);
      expect(Object.keys(example.params ?? {}).sort(), `${label}: example.params names the path's parameters`).toEqual(pathNames.sort());
      if (operation.params) expect(operation.params.safeParse(example.params).error, `${label}: example.params`).toBeUndefined();

      const documented = document.paths[operation.path]?.[operation.method] as {
        requestBody?: { content: Record<string, { example: unknown }> };
        responses: Record<number, { content: Record<string, { example: unknown }>; headers?: Record<string, unknown> }>;
      };
      expect(documented.responses[200]!.content['application/json']!.example, label).toBeDefined();
      if (operation.body) expect(documented.requestBody!.content['application/json']!.example, label).toEqual(example.body);
      for (const status of [400, 401, 403, 404, 409, 429, 500]) expect(documented.responses[status]!.content['application/json']!.example, `${label} ${status}`).toBeDefined();
      expect(Object.keys(documented.responses[429]!.headers ?? {}), label).toContain('Retry-After');
    }
  });

  it('documents how to authenticate, idempotency, rate limits and every error form', () => {
    const document = openApiDocument(OPERATIONS);
    for (const text of ['Authorization: Bearer', 'APIToken', 'DF-API-KEY', 'service credential', 'Idempotency-Key', '429', 'Retry-After', 'bare JSON string', '"data": null', '"success": false', '"details": []']) {
      expect(document.info.description, text).toContain(text);
    }
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['apiToken', 'bearer', 'dfApiKey', 'serviceCredential']);
    for (const operation of OPERATIONS) {
      const documented = document.paths[operation.path]?.[operation.method] as { parameters: { name: string; in: string }[] };
      const hasKey = documented.parameters.some((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key');
      expect(hasKey, operation.operationId).toBe('idempotent' in operation && operation.idempotent === true);
    }
  });
});
