import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/viewer';
import { safeCallbackPath } from '@/server/auth/safe-callback';
import { currentMessages } from '../locale';
import { SignInForm } from './SignInForm';
import { LanguageSwitch } from '@/components/portal/LanguageSwitch';

type Props = { searchParams: Promise<{ callbackUrl?: string; expired?: string; signedOut?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const messages = await currentMessages();
  const notice = params.expired ? 'expired' : params.signedOut ? 'signedOut' : null;
  return (
    <main className="cf-auth">
      <div className="cf-auth-panel cf-stack">
        <div className="cf-row cf-row-between">
          <div className="cf-auth-brand">{messages.app.name}</div>
          <LanguageSwitch />
        </div>
        <h1>{messages.signIn.title}</h1>
        <SignInForm callbackUrl={callbackUrl} notice={notice} />
        <footer className="cf-small cf-muted"><a href="/docs/api">{messages.docs.link}</a></footer>
      </div>
    </main>
  );
}
