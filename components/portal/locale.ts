import { cookies } from 'next/headers';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, messagesFor, type Locale } from '@/messages';

/** The person's language: the cookie set by the switch, else zh-CN (the seeds are Chinese). */
export async function currentLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function currentMessages() {
  return messagesFor(await currentLocale());
}
