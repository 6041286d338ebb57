import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { AppError } from '../errors';
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

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    const reason = error.cause instanceof AppError ? error.cause.reason : undefined;
    // Nothing internal leaves the server: no stack, no driver message.
    return { ...shape, message: internal ? 'internal error' : shape.message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, reason } };
  },
});

/** Domain code throws AppError; here it becomes the matching tRPC error, once for every procedure. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) throw toTRPCError(result.error.cause);
  return result;
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;
export const baseProcedure = t.procedure.use(mapDomainErrors);
