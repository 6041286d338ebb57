/**
 * The bell lives in the shell's top bar with its own query cache; pages that mark notifications
 * read announce it with this window event so the bell refetches its count at once.
 */
export const NOTIFICATIONS_CHANGED = 'cf:notifications-changed';

export function announceNotificationsChanged(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}
