import type { Metadata } from 'next';
import Link from 'next/link';
import { currentMessages } from '@/components/portal/locale';
import { ApiReference } from './ApiReference';
import './docs.css';

export const metadata: Metadata = { title: 'API reference · Counterfoil' };

/**
 * The public API reference: anyone may read it (it is outside proxy.ts's matcher, and the
 * document describes the API, never anyone's data). Rendered by Scalar from /api/openapi.json.
 */
export default async function ApiDocsPage() {
  const messages = await currentMessages();
  return (
    <div className="cf-docs">
      <header className="cf-docs-header">
        <div className="cf-docs-header-text">
          <h1>{messages.docs.title}</h1>
          <p>{messages.docs.intro}</p>
        </div>
        <nav aria-label={messages.docs.link} className="cf-docs-links">
          <a href="/api/openapi.json">{messages.docs.openApiJson}</a>
          <Link href="/">{messages.docs.backToPortal}</Link>
        </nav>
      </header>
      <main>
        <ApiReference />
      </main>
    </div>
  );
}
