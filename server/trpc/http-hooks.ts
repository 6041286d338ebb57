import type { TRPCError } from '@trpc/server';
import { AppError } from '../errors';
import type { RequestMeta } from '../platform/request-meta';
import { retryAfterOf } from '../platform/rate-limit';

/**
 * The tRPC endpoint's hooks for one request (app/api/trpc/[trpc]/route.ts), bound to its
 * metadata so the log line and the response headers carry the same request id.
 */
export function trpcHttpHooks(meta: RequestMeta, log: (line: string) => void = console.error) {
  return {
    /** Once per 500: request id, procedure path, error class and first stack line; never the input (driver messages may quote it). */
    onError({ error, path }: { error: TRPCError; path?: string }) {
      if (error.code !== 'INTERNAL_SERVER_ERROR') return;
      const cause = error.cause ?? error;
      const where = cause instanceof Error ? cause.stack?.split('\n')[1]?.trim() ?? '' : '';
      log(`[trpc] ${meta.requestId} internal error at ${path ?? '(no path)'}: ${cause instanceof Error ? cause.name : typeof cause} ${where}`.trimEnd());
    },
    /** Every response: its trace id (the request id), no caching, and Retry-After when rate-limited. */
    responseMeta({ errors }: { errors: TRPCError[] }) {
      const headers = new Headers({ 'cache-control': 'no-store', 'x-request-id': meta.requestId, 'x-trace-id': meta.requestId });
      const retryAfter = errors.map((error) => (error.cause instanceof AppError ? retryAfterOf(error.cause) : undefined)).find((seconds) => seconds !== undefined);
      if (retryAfter !== undefined) headers.set('retry-after', String(retryAfter));
      return { headers };
    },
  };
}
