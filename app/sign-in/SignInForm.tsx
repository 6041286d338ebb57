'use client';

import { useActionState } from 'react';
import { Alert, Button, Field, Input } from '@/components/ui';
import { useI18n } from '@/components/providers/i18n';
import { signInAction, type SignInState } from './actions';

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice: 'expired' | 'signedOut' | null }) {
  const { messages } = useI18n();
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { error: null, email: '' });
  const t = messages.signIn;
  return (
    <form action={action} className="cf-form" noValidate={false}>
      {notice && !state.error ? <Alert tone="info">{notice === 'expired' ? t.expired : t.signedOut}</Alert> : null}
      {state.error ? <Alert tone="danger">{state.error === 'rate_limited' ? t.rateLimited : t.invalid}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label={t.email} htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      </Field>
      <Field label={t.password} htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" loading={pending}>{t.submit}</Button>
    </form>
  );
}
