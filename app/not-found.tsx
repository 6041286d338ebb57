import Link from 'next/link';
import { EmptyState } from '@/components/ui';
import { currentMessages } from '@/components/portal/locale';

export default async function NotFound() {
  const messages = await currentMessages();
  return (
    <main className="cf-auth">
      <div className="cf-auth-panel">
        <EmptyState title={messages.errors.notFound} description={messages.errors.notFoundHint} action={<Link href="/">{messages.errors.back}</Link>} />
      </div>
    </main>
  );
}
