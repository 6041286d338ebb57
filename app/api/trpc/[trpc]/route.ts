import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/app-router';
import { createContext } from '@/server/trpc/context';
import { AppError } from '@/server/errors';
import { requestMetaFrom } from '@/server/platform/request-meta';
import { retryAfterOf } from '@/server/platform/rate-limit';
import { boundedTrpcRequest, MAX_BATCH_SIZE } from '@/server/trpc/transport-limits';

async function handler(req: Request) {
  const meta = requestMetaFrom(req.headers);
  // Size and nesting are checked before tRPC (and superjson) read the input; a refusal is raised
  // from createContext so that tRPC answers it in its own error form, with our formatter.
  let request = req;
  let refusal: TRPCError | null = null;
  try {
    request = await boundedTrpcRequest(req);
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    refusal = error;
    request = new Request(req.url, { method: req.method, headers: withoutBodyHeaders(req.headers) });
  }
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => {
      if (refusal) throw refusal;
      return createContext({ req: request, meta });
    },
    onError({ error, path }) {
      if (error.code !== 'INTERNAL_SERVER_ERROR') return;
      // Once per 500, with the request id; the class and first stack line only, never the input
      // (driver messages may quote it).
      const cause = error.cause ?? error;
      const where = cause instanceof Error ? cause.stack?.split('\n')[1]?.trim() ?? '' : '';
      console.error(`[trpc] ${meta.requestId} internal error at ${path ?? '(no path)'}: ${cause instanceof Error ? cause.name : typeof cause} ${where}`);
    },
    responseMeta({ errors }) {
      const headers = new Headers({ 'cache-control': 'no-store', 'x-request-id': meta.requestId, 'x-trace-id': meta.requestId });
      const retryAfter = errors.map((error) => (error.cause instanceof AppError ? retryAfterOf(error.cause) : undefined)).find((seconds) => seconds !== undefined);
      if (retryAfter !== undefined) headers.set('retry-after', String(retryAfter));
      return { headers };
    },
  });
}

function withoutBodyHeaders(headers: Headers): Headers {
  const copy = new Headers(headers);
  copy.delete('content-length');
  copy.delete('transfer-encoding');
  return copy;
}

export { handler as GET, handler as POST };
