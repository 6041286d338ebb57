'use client';

import { ErrorState } from '@/components/ui';
import { useI18n } from '@/components/providers/i18n';

/** Anything a page throws lands here: a calm message and a retry, never a stack trace. */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { messages } = useI18n();
  return (
    <main className="cf-auth">
      <div className="cf-auth-panel">
        <ErrorState title={messages.common.error} onRetry={reset} retryLabel={messages.common.retry} />
      </div>
    </main>
  );
}
