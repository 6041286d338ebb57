'use client';

import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Card, DataTable, EmptyState, ErrorState, LoadingState, PageHeader, Stat } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDateTime, formatMoney } from '@/components/portal/format';
import { DiscountsCards } from './DiscountsCards';

const PAGE_SIZE = 20;

/** Balance and the ledger, paged on the server (credits.ledger), newest first; then coupons and vouchers. */
export function CreditsView() {
  const trpc = useTRPC();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.credits;
  const [page, setPage] = useState(1);
  const balance = useQuery(trpc.credits.balance.queryOptions());
  const ledger = useQuery({ ...trpc.credits.ledger.queryOptions({ page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  const header = <PageHeader title={t.title} description={t.description} />;
  if (balance.isPending || ledger.isPending) return <div className="cf-stack-lg">{header}<LoadingState label={messages.common.loading} /></div>;
  const failed = balance.error ?? ledger.error;
  if (failed) {
    const retry = () => { void balance.refetch(); void ledger.refetch(); };
    return <div className="cf-stack-lg">{header}<ErrorState title={messages.common.error} message={failed.message} onRetry={retry} retryLabel={messages.common.retry} /></div>;
  }
  const when = (value: Date) => formatDateTime(value, locale, tenant.billingTimezone);
  const { items, total } = ledger.data!;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="cf-stack-lg">
      {header}
      <div className="cf-grid">
        <Card title={t.balance}>
          <Stat
            label={balance.data!.currency}
            value={<span data-testid="credit-balance">{formatMoney(balance.data!.balance, balance.data!.currency, locale)}</span>}
            hint={balance.data!.updatedAt ? `${t.updated} ${when(balance.data!.updatedAt)}` : t.never}
          />
        </Card>
      </div>
      <Card title={t.ledger} description={total > 0 ? t.total(total) : undefined} flush>
        <DataTable
          caption={t.ledger}
          rows={items}
          rowKey={(row) => row.id}
          empty={<EmptyState title={t.empty} description={t.emptyHint} />}
          pagination={{ page, pageCount, onPageChange: setPage, labels: { previous: messages.common.previous, next: messages.common.next, pageOf: messages.common.pageOf } }}
          columns={[
            { key: 'date', header: t.date, cell: (row) => when(row.createdAt) },
            { key: 'type', header: t.type, cell: (row) => <Badge tone={row.type === 'credit' ? 'success' : 'neutral'}>{t.types[row.type]}</Badge> },
            { key: 'source', header: t.source, cell: (row) => <span data-testid="credit-source">{t.sources[row.source]}</span> },
            { key: 'reference', header: t.reference, cell: (row) => (row.sourceId ? <span className="cf-mono cf-small">{row.sourceId}</span> : null) },
            { key: 'remark', header: t.remark, cell: (row) => row.remark },
            { key: 'amount', header: t.amount, align: 'right', cell: (row) => `${row.type === 'credit' ? '+' : '−'}${formatMoney(row.amount, row.currency, locale)}` },
            { key: 'balance', header: t.balanceAfter, align: 'right', cell: (row) => formatMoney(row.balance, row.currency, locale) },
          ]}
        />
      </Card>
      <DiscountsCards />
    </div>
  );
}
