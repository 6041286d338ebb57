'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { signOut } from '@/server/auth/next-auth';
import { isLocale, LOCALE_COOKIE } from '@/messages';

export async function switchLocale(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 86_400, sameSite: 'lax' });
  revalidatePath('/', 'layout');
}

export async function signOutAction() {
  await signOut({ redirectTo: '/sign-in?signedOut=1' });
}
