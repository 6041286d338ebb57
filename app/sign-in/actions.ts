'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/server/auth/next-auth';
import { safeCallbackPath } from '@/server/auth/safe-callback';

export type SignInState = { error: 'invalid' | 'rate_limited' | null; email: string };

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '').trim();
  try {
    await signIn('credentials', { email, password: String(form.get('password') ?? ''), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { error: code === 'rate_limited' ? 'rate_limited' : 'invalid', email };
    }
    throw error;
  }
  // Only same-origin paths are followed after sign-in (server/auth/safe-callback.ts).
  redirect(safeCallbackPath(form.get('callbackUrl')));
}
