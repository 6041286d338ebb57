import { z } from 'zod';
import { AppError, type ErrorCode } from '../errors';
import type { Operation } from './operations';
import { dailyDetailEnvelope, f5Envelope, hourlyDetailEnvelope, internalEnvelope, recordsEnvelope, type Envelope, type EnvelopeMeta } from './envelopes';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any', io }) as JsonSchema;

/** Fixed per-request facts for the examples, so the document is the same on every call. */
const EXAMPLE_META: EnvelopeMeta = {
  traceId: 'TRACE-3F2A9C64-7B1E-4D0A-9E55-1C2B3D4E5F60',
  timestamp: '2026-12-02T03:20:00Z',
  request: { ip: '203.0.113.7', userAgent: 'example', requestId: '3f2a9c64-7b1e-4d0a-9e55-1c2b3d4e5f60' },
};

const integer = { type: 'integer' } as const;
const string = { type: 'string' } as const;
const object = (properties: Record<string, unknown>, description: string): JsonSchema =>
  ({ type: 'object', description, properties, required: Object.keys(properties) });

/**
 * How each seed's envelope appears on the wire: the success body built around the operation's
 * response schema, and the error body. Examples are produced by the envelope's own functions.
 */
const ENVELOPE_DOCS = new Map<Envelope, { name: string; success: (schema: JsonSchema) => JsonSchema; error: JsonSchema }>([
  [f5Envelope, {
    name: 'F5 (seed 003): the body itself; errors are a bare JSON string',
    success: (schema) => schema,
    error: { type: 'string', description: 'F5 error form: a bare JSON string, the error message' },
  }],
  [internalEnvelope, {
    name: 'seed 000 (internal export): {code, message, timestamp, data}',
    success: (schema) => object({ code: integer, message: string, timestamp: string, data: schema }, 'Seed 000 envelope'),
    error: object({ code: integer, message: string, timestamp: string, data: { type: 'object', nullable: true } }, 'Seed 000 envelope with the HTTP status as code and data null'),
  }],
  [recordsEnvelope, {
    name: 'seed 001 (billing records): the list fields beside {code, message, timestamp}',
    success: (schema) => ({ ...schema, properties: { code: integer, message: string, ...schema.properties, timestamp: string }, required: ['code', 'message', ...(schema.required ?? []), 'timestamp'] }),
    error: object({ code: integer, message: string, timestamp: string }, 'Seed 001 envelope with the HTTP status as code'),
  }],
  [dailyDetailEnvelope, {
    name: 'seed 002 (daily bill detail): {code, content, errorCode, message, success, traceId}',
    success: (schema) => object({ code: integer, content: schema, errorCode: string, message: string, success: { type: 'boolean' }, traceId: string }, 'Seed 002 envelope'),
    error: object({ code: integer, content: { type: 'array', items: {} }, errorCode: string, message: string, success: { type: 'boolean' }, traceId: string }, 'Seed 002 envelope with the HTTP status as code and success false'),
  }],
  [hourlyDetailEnvelope, {
    name: 'seed 004 (hourly bill details): the body itself; errors {code, message, details}',
    success: (schema) => schema,
    error: object({ code: integer, message: string, details: { type: 'array', items: {} } }, 'Seed 004 google.rpc-style error with the HTTP status as code'),
  }],
]);

function envelopeDocs(operation: Operation) {
  const docs = ENVELOPE_DOCS.get(operation.envelope);
  if (!docs) throw new Error(`${operation.operationId}: its envelope has no documented error form`);
  return docs;
}

function pathParameters(operation: Operation) {
  return [...operation.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
    const example = operation.example.params?.[name!];
    return { name, in: 'path', required: true, schema: { type: 'string' }, ...(example === undefined ? {} : { example }) };
  });
}

function queryParameters(operation: Operation) {
  if (!operation.query) return [];
  const schema = jsonSchema(operation.query, 'input');
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const example = operation.example.query?.[name];
    return { name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property, ...(example === undefined ? {} : { example }) };
  });
}

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: '1–255 printable ASCII characters, kept 24 h per tenant: a retry with the same key replays the first answer byte for byte '
    + '(`Idempotent-Replayed: true`); the same key with another method, path or body, or while the first is still running, is 409.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
  example: 'c7a1d6e0-plan-change-2026-12-02',
};

const TRACE_HEADER = { 'X-Trace-Id': { description: 'The request id (also `X-Request-Id`), quoted in logs and audit rows', schema: { type: 'string' } } };

const ERRORS: readonly [number, ErrorCode, string, string][] = [
  [400, 'BAD_REQUEST', 'Bad parameters or body', 'request body: new_plan: Invalid string'],
  [401, 'UNAUTHORIZED', 'No, invalid, revoked or expired credential', 'authentication required'],
  [403, 'FORBIDDEN', 'Wrong kind of credential, missing scope or role', 'this API key lacks the write scope'],
  [404, 'NOT_FOUND', 'Unknown id or namespace, or one of another tenant', 'namespace not found'],
  [409, 'CONFLICT', 'Idempotency-Key reused with another request, or a state conflict', 'Idempotency-Key was used with another request'],
  [429, 'TOO_MANY_REQUESTS', 'Rate limited: wait `Retry-After` seconds', 'too many requests'],
  [500, 'INTERNAL', 'Internal error (logged with the trace id; the body says nothing more)', 'internal error'],
];

function errorResponses(operation: Operation) {
  const { error: schema } = envelopeDocs(operation);
  return Object.fromEntries(ERRORS.map(([status, code, description, message]) => {
    const example = operation.envelope.error(new AppError(code, code, message), EXAMPLE_META);
    const headers = status === 429
      ? { ...TRACE_HEADER, 'Retry-After': { description: 'Seconds until the bucket holds a token again', schema: { type: 'integer', minimum: 1 } } }
      : TRACE_HEADER;
    return [status, { description, headers, content: { 'application/json': { schema, example } } }];
  }));
}

const DESCRIPTION = `The documented REST endpoints of a Counterfoil portal, generated from the declarations the route
handlers validate with: every schema here is the one the server parses a request with or writes a
response through, and every example is checked against those schemas by the test suite.

## Authenticating

Tenant endpoints take a **tenant API key** (\`cfk_<12 lookup chars>_<40 secret chars>\`, created
under *Settings → API keys* in the portal, scoped \`read\` and/or \`write\`) in any of three forms:

| form | header |
|---|---|
| Bearer | \`Authorization: Bearer cfk_…\` |
| F5 | \`Authorization: APIToken cfk_…\` |
| seed 002 | \`DF-API-KEY: cfk_…\` |

A present but malformed \`Authorization\` header is 401. The portal's own session cookie is also
accepted (the tenant comes from the path or an \`x-counterfoil-tenant\` header); cookie-authenticated
writes must be same-origin. \`/internal/…\` endpoints take a **service credential** instead
(\`Authorization: Bearer cfs_…\`, issued by platform staff, with a named scope); a tenant key there,
or a service credential on a tenant endpoint, is 403.

\`\`\`bash
curl -H "Authorization: Bearer $KEY" https://portal.example.com/api/web/namespaces/system/usage_plans/current
\`\`\`

## Idempotency

Mutations honour an \`Idempotency-Key\` header (1–255 printable ASCII characters): keys are per
tenant and kept 24 hours; the first completed response is stored and replayed byte for byte with
\`Idempotent-Replayed: true\`. The same key with another method, path or body is 409, and so is a
retry while the first request is still running. A 5xx releases the key.

## Rate limits

Each API key, session or service credential has a token bucket per server process (by default a
burst of 120, refilled at 1,200 a minute). Past it the answer is **429** in the endpoint's error form,
with \`Retry-After\` in seconds. Failed key lookups are limited per address and per key prefix too.

## Errors

Statuses: 400 bad parameters or body (unknown query parameters included), 401 no/invalid/revoked/expired
credential, 403 wrong credential kind, missing scope or role, 404 unknown or another tenant's
id or namespace, 409 idempotency or state conflict, 429 rate limited, 500 internal error (the body says
only \`internal error\`). Every response carries \`X-Trace-Id\`. The error body follows each API's
published form:

| API | error body |
|---|---|
| F5 billing and usage (seed 003: \`/api/web/…\`, \`/api/data/…\`, \`/no_auth/…\`) | a bare JSON string: \`"namespace not found"\` |
| internal export (seed 000: \`/internal/…\`) | \`{"code": 404, "message": "…", "timestamp": "…", "data": null}\` |
| billing records (seed 001: \`/billing/records…\`) | \`{"code": 404, "message": "…", "timestamp": "…"}\` |
| daily bill detail (seed 002: \`/api/v1/billing/detail…\`) | \`{"code": 404, "content": [], "errorCode": "…", "message": "…", "success": false, "traceId": "…"}\` |
| hourly bill details (seed 004: \`/v1/bills/…\`) | \`{"code": 404, "message": "…", "details": []}\` |

Each operation below shows its own error schema and an example per status.

## Conventions

Times are RFC 3339 UTC. F5 prices are integer minor units; our extensions carry money as decimal
strings in the tenant's currency.`;

const SEED_TAGS: Record<Operation['seed'], string> = {
  '000': 'Internal export (seed 000): service credentials, `/internal/…`',
  '001': 'Billing records (seed 001)',
  '002': 'Daily bill detail (seed 002)',
  '003': 'F5 billing and usage API (seed 003)',
  '004': 'Hourly bill details (seed 004)',
};
const tagOf = (operation: Operation) => `seed ${operation.seed}`;

/**
 * The OpenAPI 3.0 document of the given operations (the registry in app/api/operations.ts),
 * generated from the zod schemas their route handlers validate with.
 */
export function openApiDocument(operations: readonly Operation[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const docs = envelopeDocs(operation);
    const example = operation.example;
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      operationId: operation.operationId,
      summary: operation.operationId,
      description: `${operation.summary}\n\nCredential: ${operation.security === 'apiKey'
        ? `tenant API key with the \`${operation.scope}\` scope, or a portal session of a member with the \`${('role' in operation && operation.role) || (operation.scope === 'read' ? 'viewer' : 'billing')}\` role or higher`
        : `service credential with the \`${operation.scope}\` scope`}. Envelope: ${docs.name}.`,
      tags: [tagOf(operation)],
      security: operation.security === 'apiKey' ? [{ bearer: [] }, { apiToken: [] }, { dfApiKey: [] }] : [{ serviceCredential: [] }],
      parameters: [...pathParameters(operation), ...queryParameters(operation), ...('idempotent' in operation && operation.idempotent ? [IDEMPOTENCY_KEY] : [])],
      ...(operation.body ? { requestBody: { required: true, content: { 'application/json': {
        schema: jsonSchema(operation.body, 'input'),
        ...(example.body === undefined ? {} : { example: example.body }),
      } } } } : {}),
      responses: {
        200: { description: 'OK', headers: TRACE_HEADER, content: { 'application/json': {
          schema: docs.success(jsonSchema(operation.response)),
          example: operation.envelope.success(example.response, EXAMPLE_META),
        } } },
        ...errorResponses(operation),
      },
      ...(operation.scope ? { 'x-scope': operation.scope } : {}),
    };
  }
  const seeds = [...new Set(operations.map((operation) => operation.seed))].sort();
  return {
    openapi: '3.0.3',
    info: { title: 'Counterfoil REST API', version: '1.0.0', description: DESCRIPTION },
    servers: [{ url: '/', description: 'This portal' }],
    tags: seeds.map((seed) => ({ name: `seed ${seed}`, description: SEED_TAGS[seed] })),
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Tenant API key: `Authorization: Bearer cfk_…`' },
        apiToken: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Tenant API key, F5 form: `Authorization: APIToken cfk_…`' },
        dfApiKey: { type: 'apiKey', in: 'header', name: 'DF-API-KEY', description: 'Tenant API key, seed 002 form: `DF-API-KEY: cfk_…`' },
        serviceCredential: { type: 'http', scheme: 'bearer', description: 'Service credential (`cfs_…`) with a named scope, `/internal/…` only' },
      },
    },
    paths,
  };
}
