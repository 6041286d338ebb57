'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, DataTable, EmptyState, ErrorState, LoadingState, PageHeader, buttonClassName, type Tone } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDate, formatMoney } from '@/components/portal/format';
import type { InvoiceUrlState } from '@/server/invoices/filter-options';
import type { InvoiceRow } from '@/server/invoices/schema';
import { InvoiceFilters, filterQuery, type AppOption } from './InvoiceFilters';

const PAGE_SIZE = 20;
export const INVOICE_STATUS_TONE: Record<InvoiceRow['status'], Tone> = { paid: 'success', open: 'warning', failed: 'danger', void: 'neutral', refunded: 'info', draft: 'neutral' };

/** Status, and "overdue" beside it when an owed invoice is past its due date. */
export function InvoiceStatus({ status, overdue }: { status: InvoiceRow['status']; overdue: boolean }) {
  const { messages } = useI18n();
  return (
    <span className="cf-row" data-testid="invoice-status">
      <Badge tone={INVOICE_STATUS_TONE[status]}>{messages.recordStatus[status]}</Badge>
      {overdue ? <Badge tone="danger">{messages.invoices.overdue}</Badge> : null}
    </span>
  );
}

/** The invoices table, paged on the server by keyset (newer / older), filtered by what the URL says. */
export function InvoicesView({ apps, state }: { apps: AppOption[]; state: InvoiceUrlState }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.invoices;
  const { filters, cursor, direction } = state;
  const list = useQuery({ ...trpc.invoices.list.queryOptions({ ...filters, cursor, direction, limit: PAGE_SIZE }), placeholderData: keepPreviousData });
  const go = (query: string) => router.push(query ? `${pathname}?${query}` : pathname);
  const appName = new Map(apps.map((app) => [app.id, app.name]));
  const filtered = filterQuery(filters) !== '';
  const exportQuery = filterQuery(filters);
  const header = (
    <PageHeader title={t.title} description={`${t.description} ${t.timezoneHint(tenant.billingTimezone)}`}
      actions={<a className={buttonClassName('secondary')} href={`/t/${tenant.id}/invoices/export${exportQuery ? `?${exportQuery}` : ''}`} download data-testid="invoices-export">{t.exportCsv}</a>} />
  );
  const body = () => {
    if (list.isPending) return <LoadingState label={messages.common.loading} />;
    if (list.isError) return <ErrorState title={messages.common.error} message={list.error.message} onRetry={() => void list.refetch()} retryLabel={messages.common.retry} />;
    const { items, total, olderCursor, newerCursor } = list.data;
    return (
      <Card title={t.title} description={t.total(total)} flush>
        <DataTable
          caption={t.title}
          rows={items}
          rowKey={(row) => row.id}
          empty={filtered ? <EmptyState title={t.emptyFiltered} description={t.emptyFilteredHint} /> : <EmptyState title={t.empty} description={t.emptyHint} />}
          columns={[
            {
              key: 'number', header: t.number, cell: (row) => (
                <Link href={`/t/${tenant.id}/invoices/${row.id}`} className="cf-mono" data-testid="invoice-link">{row.invoiceNumber ?? t.draft}</Link>
              ),
            },
            { key: 'issued', header: t.issued, cell: (row) => <span className="cf-num">{formatDate(row.createdAt, locale, tenant.billingTimezone)}</span> },
            { key: 'summary', header: t.summary, cell: (row) => row.description },
            { key: 'type', header: t.type, cell: (row) => messages.recordType[row.type] },
            { key: 'app', header: t.app, cell: (row) => (row.appId ? appName.get(row.appId) ?? row.appId : <span className="cf-muted">{t.tenantWide}</span>) },
            { key: 'status', header: t.status, cell: (row) => <InvoiceStatus status={row.status} overdue={row.overdue} /> },
            { key: 'amount', header: t.amount, align: 'right', cell: (row) => formatMoney(row.amount, row.currency, locale) },
            { key: 'due', header: t.amountDue, align: 'right', cell: (row) => formatMoney(row.amountDue, row.currency, locale) },
          ]}
        />
        {olderCursor || newerCursor ? (
          <div className="cf-pagination">
            <span className="cf-num" aria-live="polite">{t.total(total)}</span>
            <div className="cf-pagination-buttons">
              <Button variant="secondary" size="sm" disabled={!newerCursor} onClick={() => go(filterQuery(filters, { cursor: newerCursor ?? '', dir: 'newer' }))}>{t.newer}</Button>
              <Button variant="secondary" size="sm" disabled={!olderCursor} onClick={() => go(filterQuery(filters, { cursor: olderCursor ?? '' }))} data-testid="invoices-older">{t.older}</Button>
            </div>
          </div>
        ) : null}
      </Card>
    );
  };
  return (
    <div className="cf-stack-lg">
      {header}
      {state.invalid ? <Alert tone="warning">{t.invalidFilters}</Alert> : null}
      <Card title={t.filters}><InvoiceFilters filters={filters} apps={apps} onApply={(next) => go(new URLSearchParams(next).toString())} /></Card>
      {body()}
    </div>
  );
}
