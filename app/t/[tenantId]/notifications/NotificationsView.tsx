'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, EmptyState, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDateTime } from '@/components/portal/format';
import { announceNotificationsChanged } from '@/components/portal/notification-events';

const PAGE_SIZE = 20;

/** The signed-in person's notifications in this tenant, newest first, loaded a page at a time. */
export function NotificationsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.notifications;
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useInfiniteQuery(trpc.notifications.list.infiniteQueryOptions({ limit: PAGE_SIZE, unreadOnly }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const changed = () => {
    announceNotificationsChanged();
    return queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() });
  };
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: changed }));
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({
    onSuccess: (result) => {
      setNotice(t.markedAll(result.updated));
      return changed();
    },
  }));

  const header = (
    <PageHeader title={t.title} description={t.description} actions={
      <span className="cf-row">
        <Button variant="secondary" size="sm" aria-pressed={unreadOnly} onClick={() => setUnreadOnly((v) => !v)}>{unreadOnly ? t.showAll : t.showUnread}</Button>
        <Button size="sm" loading={markAll.isPending} onClick={() => markAll.mutate()}>{t.markAllRead}</Button>
      </span>
    } />
  );
  if (list.isPending) return <div className="cf-stack-lg">{header}<LoadingState label={messages.common.loading} /></div>;
  if (list.isError) return <div className="cf-stack-lg">{header}<ErrorState title={messages.common.error} message={list.error.message} onRetry={() => list.refetch()} retryLabel={messages.common.retry} /></div>;

  const items = list.data.pages.flatMap((page) => page.items);
  return (
    <div className="cf-stack-lg">
      {header}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {markRead.error ?? markAll.error ? <Alert tone="danger">{(markRead.error ?? markAll.error)!.message}</Alert> : null}
      <Card flush>
        {items.length === 0 ? (
          <EmptyState title={unreadOnly ? t.emptyUnread : t.empty} description={unreadOnly ? undefined : t.emptyHint} />
        ) : (
          <ul className="cf-notification-list" aria-label={t.title}>
            {items.map((item) => (
              <li key={item.id} className="cf-notification" data-testid="notification" data-unread={item.readAt === null ? 'true' : 'false'}>
                <div className="cf-stack">
                  <div className="cf-row">
                    <strong>{item.title}</strong>
                    <Badge tone={item.readAt === null ? 'info' : 'neutral'}>{item.readAt === null ? t.unread : t.read}</Badge>
                  </div>
                  <p>{item.body}</p>
                  <span className="cf-row cf-small cf-muted">
                    <time dateTime={new Date(item.createdAt).toISOString()}>{formatDateTime(item.createdAt, locale, tenant.billingTimezone)}</time>
                    {item.kind === 'usage_alert' ? <Link href={`/t/${tenant.id}/alerts`}>{t.openAlerts}</Link> : null}
                  </span>
                </div>
                {item.readAt === null ? (
                  <Button size="sm" variant="secondary" loading={markRead.isPending && markRead.variables?.ids[0] === item.id}
                    onClick={() => markRead.mutate({ ids: [item.id] })} aria-label={`${t.markRead}: ${item.title}`}>{t.markRead}</Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {list.hasNextPage ? (
        <div><Button variant="secondary" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>{t.loadMore}</Button></div>
      ) : null}
    </div>
  );
}
