/** Kept for app/sign-in (owned elsewhere); the locale resolution lives in components/portal/locale.ts. */
export { currentLocale, currentMessages } from '@/components/portal/locale';
