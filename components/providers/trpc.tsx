'use client';

import { QueryCache, QueryClient, QueryClientProvider, MutationCache } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '@/server/app-router';
import { TENANT_HEADER } from '@/server/tenants/tenant-header';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** An expired or revoked session sends the person to sign-in instead of leaving a spinner. */
function redirectWhenSignedOut(error: unknown) {
  if (error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED' && typeof window !== 'undefined') {
    window.location.assign(`/sign-in?expired=1&callbackUrl=${encodeURIComponent(window.location.pathname)}`);
  }
}

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: redirectWhenSignedOut }),
    mutationCache: new MutationCache({ onError: redirectWhenSignedOut }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (count, error) => !(error instanceof TRPCClientError && [401, 403, 404].includes(error.data?.httpStatus)) && count < 2,
      },
    },
  });
}

/**
 * One query cache and one tRPC client per tenant view: the tenant id travels in a header and
 * the cache never mixes two tenants' answers.
 */
export function PortalProviders({ tenantId, children }: { tenantId: string | null; children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: '/api/trpc', transformer: superjson, maxItems: 20, headers: () => (tenantId ? { [TENANT_HEADER]: tenantId } : {}) })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
