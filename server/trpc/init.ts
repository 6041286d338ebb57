import { initTRPC, StandardSchemaV1Error, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import superjson from 'superjson';
import { z } from 'zod';
import { AppError, badRequest } from '../errors';
import { enforceRateLimit } from '../platform/rate-limit';
import { assertSameOrigin } from '../platform/same-origin';
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '../platform/safe-text';
import type { Context } from './context';

const TRPC_CODE = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const satisfies Record<AppError['code'], TRPCError['code']>;

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[error.code], message: error.code === 'INTERNAL' ? 'internal error' : error.message, cause: error });
}

export type FieldError = { path: string; message: string };

/** What a client may learn about an error: a stable code (in the shape), a message, a reason, field errors. */
export type PublicError = { message: string; reason: string; fieldErrors?: FieldError[] };

const MAX_FIELD_ERRORS = 20;
const MAX_FIELD_MESSAGE = 200;

/** Errors tRPC raises itself (routing, content type, our transport limits): a fixed message per code. */
const TRANSPORT_MESSAGES: Partial<Record<TRPC_ERROR_CODE_KEY, [message: string, reason: string]>> = {
  PARSE_ERROR: ['malformed request', 'MALFORMED_REQUEST'],
  BAD_REQUEST: ['malformed request', 'MALFORMED_REQUEST'],
  NOT_FOUND: ['no such procedure', 'PROCEDURE_NOT_FOUND'],
  METHOD_NOT_SUPPORTED: ['method not supported', 'METHOD_NOT_SUPPORTED'],
  UNSUPPORTED_MEDIA_TYPE: ['unsupported media type', 'UNSUPPORTED_MEDIA_TYPE'],
  PAYLOAD_TOO_LARGE: ['request too large', 'PAYLOAD_TOO_LARGE'],
  UNAUTHORIZED: ['authentication required', 'UNAUTHORIZED'],
  FORBIDDEN: ['forbidden', 'FORBIDDEN'],
  TOO_MANY_REQUESTS: ['too many requests', 'RATE_LIMITED'],
};

/** tRPC's wording for `maxBatchSize`; matched only to give a clearer message (the fallback is safe too). */
const BATCH_TOO_LARGE = 'Batch call exceeds maximum size';

function fieldErrorsOf(issues: readonly { path?: readonly unknown[]; message: string }[]): FieldError[] {
  return issues.slice(0, MAX_FIELD_ERRORS).map((issue) => ({
    path: (issue.path ?? []).map((segment) => (typeof segment === 'object' && segment !== null && 'key' in segment ? String(segment.key) : String(segment))).join('.'),
    message: issue.message.slice(0, MAX_FIELD_MESSAGE),
  }));
}

const isFieldError = (detail: unknown): detail is FieldError =>
  typeof detail === 'object' && detail !== null && typeof (detail as FieldError).path === 'string' && typeof (detail as FieldError).message === 'string';

/**
 * The one mapping from an error to what leaves the server. Domain errors keep their message and
 * reason; input that failed its schema becomes "invalid input" with bounded field errors; tRPC's
 * own parse and routing errors get a fixed message; anything else is "internal error". Never a
 * stack, a driver message or an echo of the input.
 */
export function publicError(error: TRPCError): PublicError {
  const cause = error.cause;
  if (cause instanceof AppError) {
    if (cause.code === 'INTERNAL') return { message: 'internal error', reason: 'INTERNAL' };
    const fieldErrors = cause.details.filter(isFieldError).slice(0, MAX_FIELD_ERRORS);
    return { message: cause.message, reason: cause.reason, ...(fieldErrors.length ? { fieldErrors } : {}) };
  }
  if (error.code === 'BAD_REQUEST' && (cause instanceof z.ZodError || cause instanceof StandardSchemaV1Error)) {
    return { message: 'invalid input', reason: 'INVALID_INPUT', fieldErrors: fieldErrorsOf(cause.issues) };
  }
  if (error.code === 'BAD_REQUEST' && !cause && error.message === BATCH_TOO_LARGE) return { message: 'too many calls in one batch', reason: 'BATCH_TOO_LARGE' };
  const known = TRANSPORT_MESSAGES[error.code];
  return known ? { message: known[0], reason: known[1] } : { message: 'internal error', reason: 'INTERNAL' };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const { message, reason, fieldErrors } = publicError(error);
    // A new data object: tRPC's own carries the stack (in development) and the path.
    return { code: shape.code, message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, reason, ...(fieldErrors ? { fieldErrors } : {}) } };
  },
});

/** Domain code throws AppError; here it becomes the matching tRPC error, once for every procedure. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) throw toTRPCError(result.error.cause);
  return result;
});

/** The shared token bucket (server/platform/rate-limit.ts): per session, or per client address when signed out. Per call, so a batch costs what its calls cost. */
const rateLimit = t.middleware(({ ctx, next }) => {
  enforceRateLimit(ctx.user ? `session:${ctx.user.sessionId}` : `ip:${ctx.meta.ip}`);
  return next();
});

/** Every tRPC mutation rides on the session cookie: it must come from our own pages (403 CROSS_SITE_REQUEST). */
const sameOriginMutations = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation') assertSameOrigin(ctx.site);
  return next();
});

/** No NUL or unpaired surrogate anywhere in the input (values or keys): 400 before any schema or database sees it. */
const rejectUnsafeText = t.middleware(async ({ getRawInput, next }) => {
  const path = findUnsafeText(await getRawInput());
  if (path) {
    const at = path.join('.');
    throw badRequest(`invalid input: ${at ? `${at}: ` : ''}${UNSAFE_TEXT_MESSAGE}`, 'INVALID_INPUT', [{ path: at, message: UNSAFE_TEXT_MESSAGE }]);
  }
  return next();
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;
export const baseProcedure = t.procedure.use(mapDomainErrors).use(rateLimit).use(sameOriginMutations).use(rejectUnsafeText);
