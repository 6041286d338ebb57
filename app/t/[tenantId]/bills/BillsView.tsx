'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, DataTable, EmptyState, ErrorState, LoadingState, PageHeader, buttonClassName, type Tone } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatMoney } from '@/components/portal/format';

export const BILL_STATE_TONE: Record<string, Tone> = { BS_PENDING: 'info', BS_DUE: 'warning', BS_PAYING: 'info', BS_PAID: 'success', BS_FAILED: 'danger', BS_WRITEOFF: 'neutral', BS_CANCELED: 'neutral' };

/** `202611` → `2026-11`. */
export const monthLabel = (billMonth: string) => `${billMonth.slice(0, 4)}-${billMonth.slice(4, 6)}`;

/** Bills by month, newest first, each opening its hourly detail. */
export function BillsView() {
  const trpc = useTRPC();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.bills;
  const list = useQuery(trpc.bills.list.queryOptions());
  const body = () => {
    if (list.isPending) return <LoadingState label={messages.common.loading} />;
    if (list.isError) return <ErrorState title={messages.common.error} message={list.error.message} onRetry={() => void list.refetch()} retryLabel={messages.common.retry} />;
    return (
      <Card title={t.title} flush>
        <DataTable
          caption={t.title}
          rows={list.data.bills}
          rowKey={(bill) => bill.id}
          empty={<EmptyState title={t.empty} description={t.emptyHint} />}
          columns={[
            { key: 'month', header: t.month, cell: (bill) => <Link href={`/t/${tenant.id}/bills/${bill.id}`} className="cf-mono" data-testid="bill-link">{monthLabel(bill.billMonth)}</Link> },
            { key: 'account', header: t.account, cell: (bill) => bill.billingAccountName },
            { key: 'state', header: t.state, cell: (bill) => <Badge tone={BILL_STATE_TONE[bill.state] ?? 'neutral'}>{t.states[bill.state] ?? bill.state}</Badge> },
            { key: 'lines', header: t.lines, align: 'right', cell: (bill) => new Intl.NumberFormat(locale).format(bill.lines) },
            { key: 'amount', header: t.amount, align: 'right', cell: (bill) => formatMoney(bill.amount, bill.currency, locale) },
          ]}
        />
      </Card>
    );
  };
  return (
    <div className="cf-stack-lg">
      <PageHeader title={t.title} description={t.description} actions={<Link className={buttonClassName('secondary')} href={`/t/${tenant.id}/bills/daily`}>{t.dailyNav}</Link>} />
      {body()}
    </div>
  );
}
