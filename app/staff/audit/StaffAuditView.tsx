'use client';

import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, ErrorState, LoadingState, PageHeader, buttonClassName } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { AuditFilterBar, AuditTable, exportHref, type AuditFilterValues } from '@/app/t/[tenantId]/audit/AuditLog';

const PAGE_SIZE = 50;

/** Every tenant's audit rows for staff, dates in UTC. */
export function StaffAuditView() {
  const trpc = useTRPC();
  const { messages } = useI18n();
  const t = messages.audit;
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const list = useInfiniteQuery(trpc.staff.audit.list.infiniteQueryOptions({ ...filters, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  return (
    <div className="cf-stack-lg">
      <PageHeader title={t.title} description={t.staffDescription}
        actions={<a className={buttonClassName('secondary')} href={exportHref('/staff/audit/export', filters)} download data-testid="audit-export">{t.exportCsv}</a>} />
      <Card title={t.filters}><AuditFilterBar withTenant onApply={setFilters} /></Card>
      {list.isPending ? <LoadingState label={messages.common.loading} /> : list.isError ? (
        <ErrorState title={messages.common.error} message={list.error.message} onRetry={() => list.refetch()} retryLabel={messages.common.retry} />
      ) : (
        <Card flush>
          <AuditTable rows={list.data.pages.flatMap((page) => page.items)} timeZone="UTC" showTenant />
          {list.hasNextPage ? (
            <div className="cf-row cf-row-end" style={{ padding: '0.75rem' }}>
              <Button variant="secondary" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>{t.more}</Button>
            </div>
          ) : null}
        </Card>
      )}
    </div>
  );
}
