import type { z } from 'zod';
import { listUsagePlansRsp, localizedPlan, noQuery } from '../catalog/schema';

/** How an operation authenticates (OpenAPI security scheme names). */
export type OperationSecurity = 'apiKey' | 'serviceCredential' | 'none';

export type Operation = {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI path template, exactly as the route folder serves it. */
  path: string;
  operationId: string;
  summary: string;
  seed: '000' | '001' | '002' | '003' | '004';
  security: OperationSecurity;
  scope?: 'read' | 'write' | 'ingest' | 'export:user-data';
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** The error body's form (F5's bare string, or the seed's envelope). */
  errorBody: 'f5-string' | 'seed-envelope';
};

/**
 * Every REST operation the portal serves, with the same zod schemas its route handler uses.
 * The OpenAPI document is generated from this list, and a test keeps it equal to the route files.
 */
export const OPERATIONS: Operation[] = [
  {
    method: 'get', path: '/api/web/namespaces/{namespace}/usage_plans/current', operationId: 'GetCurrentPlan', seed: '003',
    summary: 'The caller\'s current usage plan, in the caller\'s locale (namespace must be "system").',
    security: 'apiKey', scope: 'read', query: noQuery, response: localizedPlan, errorBody: 'f5-string',
  },
  {
    method: 'get', path: '/api/web/namespaces/{namespace}/usage_plans/custom_list', operationId: 'ListUsagePlans', seed: '003',
    summary: 'Every usage plan, once per locale, priced in the caller\'s currency (namespace must be "system").',
    security: 'apiKey', scope: 'read', query: noQuery, response: listUsagePlansRsp, errorBody: 'f5-string',
  },
];
