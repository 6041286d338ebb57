import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/app-router';
import { createContext } from '@/server/trpc/context';
import { requestMetaFrom } from '@/server/platform/request-meta';
import { trpcHttpHooks } from '@/server/trpc/http-hooks';
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
    ...trpcHttpHooks(meta),
  });
}

function withoutBodyHeaders(headers: Headers): Headers {
  const copy = new Headers(headers);
  copy.delete('content-length');
  copy.delete('transfer-encoding');
  return copy;
}

export { handler as GET, handler as POST };
