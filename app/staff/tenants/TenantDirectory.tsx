'use client';

import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Card, DataTable, EmptyState, ErrorState, Input, LoadingState, PageHeader } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { formatDate } from '@/components/portal/format';
import { ImpersonateButton, ImpersonationEndedNotice } from '@/components/portal/ImpersonateButton';

const PAGE_SIZE = 20;

export function TenantDirectory() {
  const trpc = useTRPC();
  const { messages, locale } = useI18n();
  const t = messages.staff;
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const deferredSearch = useDeferredValue(search);
  const tenants = useQuery({ ...trpc.staff.tenants.queryOptions({ search: deferredSearch, page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  return (
    <div className="cf-stack-lg">
      <PageHeader title={t.title} description={t.description} />
      <ImpersonationEndedNotice />
      <Input type="search" aria-label={messages.common.search} placeholder={messages.staffConsole.searchPlaceholder} value={search}
        onChange={(event) => { setSearch(event.target.value); setPage(1); }} />
      {tenants.isPending ? <LoadingState label={messages.common.loading} /> : tenants.isError ? (
        <ErrorState title={messages.common.error} message={tenants.error.message} onRetry={() => tenants.refetch()} retryLabel={messages.common.retry} />
      ) : (
        <Card flush>
          <DataTable
            caption={t.title}
            rows={tenants.data.tenants}
            rowKey={(row) => row.id}
            empty={<EmptyState title={t.empty} />}
            pagination={{ page, pageCount: Math.max(1, Math.ceil(tenants.data.total / PAGE_SIZE)), onPageChange: setPage, labels: { previous: messages.common.previous, next: messages.common.next, pageOf: messages.common.pageOf } }}
            columns={[
              { key: 'tenant', header: t.tenant, cell: (row) => <span className="cf-stack-sm"><Link href={`/staff/tenants/${row.id}`}><strong>{row.name}</strong></Link><span className="cf-mono cf-small cf-muted">{row.id}</span></span> },
              { key: 'plan', header: t.plan, cell: (row) => row.planCode ?? '—' },
              { key: 'status', header: t.status, cell: (row) => <Badge tone={row.status === 'active' ? 'success' : 'warning'}>{row.status}</Badge> },
              { key: 'currency', header: t.currency, cell: (row) => row.currency },
              { key: 'members', header: t.members, align: 'right', cell: (row) => row.members },
              { key: 'created', header: t.createdAt, cell: (row) => formatDate(row.createdAt, locale, 'Asia/Shanghai') },
              { key: 'impersonate', header: messages.impersonation.action, cell: (row) => row.status === 'closed' ? null : <ImpersonateButton tenantId={row.id} tenantName={row.name} /> },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
