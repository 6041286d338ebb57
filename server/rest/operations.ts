import type { z } from 'zod';
import type { Envelope } from './envelopes';
import type { ServiceRouteOptions, TenantRouteOptions } from './guard';

/**
 * A typical call and its answer, shown in the OpenAPI document (request and response examples).
 * `server/rest/openapi.test.ts` parses each part with the operation's own schemas, so an example
 * that drifts from its schema fails the test (and `response` is typed by the response schema).
 */
export type OperationExample<R extends z.ZodType = z.ZodType> = {
  /** Path parameters by name (each `{name}` of the path). */
  params?: Record<string, string>;
  /** Query parameters as they appear in the URL. */
  query?: Record<string, string>;
  /** The JSON request body (operations with a `body` schema). */
  body?: unknown;
  /** The success body before the envelope wraps it (what the handler returns). */
  response: z.output<R>;
};

/** What every REST operation states about itself for the OpenAPI document. */
type Documented<R extends z.ZodType> = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, exactly as the route folder serves it (a test compares the two). */
  path: string;
  operationId: string;
  summary: string;
  seed: '000' | '001' | '002' | '003' | '004';
  /** The success body; the guard parses the handler's result with it before writing it. */
  response: R;
  /** The error form is the envelope's (F5's bare string, or the seed's envelope). */
  envelope: Envelope;
  /** Request and response example for the document; required, so every operation has one. */
  example: OperationExample<R>;
};

/** A tenant operation (API key or session): the guard reads scope, role, params and schemas from it. */
export type TenantOperation<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> =
  TenantRouteOptions<P, Q, B> & Documented<R> & { security: 'apiKey' };

/** An `/internal/…` operation: a service credential with the named scope. */
export type ServiceOperation<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> =
  ServiceRouteOptions<P, Q, B> & Documented<R> & { security: 'serviceCredential' };

export type Operation = TenantOperation | ServiceOperation;

/**
 * Declares a route's operation once, in the `operation.ts` beside its `route.ts`: the route handler
 * passes it to the guard, and `app/api/operations.ts` lists it for the OpenAPI document.
 */
export function tenantOperation<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType>(
  operation: TenantRouteOptions<P, Q, B> & Documented<R>,
): TenantOperation<P, Q, B, R> {
  return { ...operation, security: 'apiKey' };
}

export function serviceOperation<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType>(
  operation: ServiceRouteOptions<P, Q, B> & Documented<R>,
): ServiceOperation<P, Q, B, R> {
  return { ...operation, security: 'serviceCredential' };
}
