'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { NOTIFICATIONS_CHANGED } from './notification-events';

/** Polls gently; a page that marks notifications read asks for a refetch through the window event. */
const POLL_MS = 60_000;

/**
 * The top bar's bell: a link to the notifications page with the unread count (hidden when zero).
 * Its name is visually hidden text (messages notifications.bell), not an aria-label, and holds the
 * badge's visible text, 99+ included, so voice control users can say what they see (WCAG 2.5.3,
 * axe label-content-name-mismatch); the badge itself is aria-hidden so the count is not read twice.
 */
export function NotificationBell({ href }: { href: string }) {
  const trpc = useTRPC();
  const { messages } = useI18n();
  const unread = useQuery({ ...trpc.notifications.unreadCount.queryOptions(), refetchInterval: POLL_MS });
  const { refetch } = unread;
  useEffect(() => {
    const onChange = () => { void refetch(); };
    window.addEventListener(NOTIFICATIONS_CHANGED, onChange);
    return () => window.removeEventListener(NOTIFICATIONS_CHANGED, onChange);
  }, [refetch]);
  const count = unread.data?.count ?? 0;
  return (
    <Link href={href} className="cf-bell" data-testid="notification-bell">
      <span className="cf-sr-only">{messages.notifications.bell(count)}</span>
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {count > 0 ? <span className="cf-bell-count" aria-hidden="true" data-testid="notification-count">{count > 99 ? '99+' : count}</span> : null}
    </Link>
  );
}
