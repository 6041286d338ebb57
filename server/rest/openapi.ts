import { z } from 'zod';
import type { Operation } from './operations';
import { dailyDetailEnvelope, f5Envelope, hourlyDetailEnvelope, internalEnvelope, recordsEnvelope, type Envelope } from './envelopes';

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any', io: 'output' });

function pathParameters(path: string) {
  return [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
}

function queryParameters(operation: Operation) {
  if (!operation.query) return [];
  const schema = z.toJSONSchema(operation.query, { target: 'openapi-3.0', io: 'input' }) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property }));
}

const F5_ERROR = { type: 'string', description: 'F5 error form: a bare JSON string' } as const;
const SEED_ERROR = { type: 'object', description: 'The seed\'s envelope with the HTTP status as code' } as const;
/** The error body each envelope writes: the operation names its envelope, the document follows it. */
const ERROR_BODIES = new Map<Envelope, typeof F5_ERROR | typeof SEED_ERROR>([
  [f5Envelope, F5_ERROR],
  [internalEnvelope, SEED_ERROR],
  [recordsEnvelope, SEED_ERROR],
  [dailyDetailEnvelope, SEED_ERROR],
  [hourlyDetailEnvelope, SEED_ERROR],
]);

function errorResponses(operation: Operation) {
  const schema = ERROR_BODIES.get(operation.envelope);
  if (!schema) throw new Error(`${operation.operationId}: its envelope has no documented error form`);
  const content = { 'application/json': { schema } };
  return {
    400: { description: 'Bad parameters or body', content },
    401: { description: 'No, invalid, revoked or expired credential', content },
    403: { description: 'Wrong kind of credential, missing scope or role', content },
    404: { description: 'Unknown id or namespace, or one of another tenant', content },
    409: { description: 'Idempotency-Key reused with another request, or a state conflict', content },
  };
}

/**
 * The OpenAPI 3.0 document of the given operations (the registry in app/api/operations.ts),
 * generated from the zod schemas their route handlers validate with.
 */
export function openApiDocument(operations: readonly Operation[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      operationId: operation.operationId,
      summary: operation.summary,
      tags: [`seed ${operation.seed}`],
      security: operation.security === 'apiKey' ? [{ bearer: [] }, { apiToken: [] }, { dfApiKey: [] }] : [{ serviceCredential: [] }],
      parameters: [...pathParameters(operation.path), ...queryParameters(operation)],
      ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(operation.body) } } } } : {}),
      responses: { 200: { description: 'OK', content: { 'application/json': { schema: jsonSchema(operation.response) } } }, ...errorResponses(operation) },
      ...(operation.scope ? { 'x-scope': operation.scope } : {}),
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Counterfoil REST API', version: '1.0.0', description: 'The documented billing endpoints of a Counterfoil portal.' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Tenant API key (cfk_…)' },
        apiToken: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'F5 form: "APIToken <key>"' },
        dfApiKey: { type: 'apiKey', in: 'header', name: 'DF-API-KEY', description: 'Seed 002 form' },
        serviceCredential: { type: 'http', scheme: 'bearer', description: 'Service credential (cfs_…), /internal/… only' },
      },
    },
    paths,
  };
}
