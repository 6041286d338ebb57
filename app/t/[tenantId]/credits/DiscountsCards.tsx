'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge, Card, DataTable, EmptyState, ErrorState, LoadingState } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDate, formatMoney } from '@/components/portal/format';

/** The tenant's coupons and vouchers (discounts.list), each with its dates; vouchers with what remains. */
export function DiscountsCards() {
  const trpc = useTRPC();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.credits.discounts;
  const list = useQuery(trpc.discounts.list.queryOptions());
  if (list.isPending) return <Card title={t.coupons}><LoadingState label={messages.common.loading} /></Card>;
  if (list.error) return <Card title={t.coupons}><ErrorState title={messages.common.error} message={list.error.message} onRetry={() => void list.refetch()} retryLabel={messages.common.retry} /></Card>;
  const day = (value: Date) => formatDate(value, locale, tenant.billingTimezone);
  const scope = (resourceType: string | null) => (resourceType ? <span className="cf-mono cf-small">{resourceType}</span> : t.allResources);
  const status = (active: boolean) => <Badge tone={active ? 'success' : 'neutral'}>{active ? t.active : t.inactive}</Badge>;
  return (
    <>
      <Card title={t.coupons} description={t.couponsHint} flush>
        <DataTable
          caption={t.coupons}
          rows={list.data.coupons}
          rowKey={(row) => row.id}
          empty={<EmptyState title={t.noCoupons} description={t.noCouponsHint} />}
          columns={[
            { key: 'coupon', header: t.coupon, cell: (row) => <span data-testid="coupon-title">{row.title}</span> },
            { key: 'percent', header: t.percentOff, cell: (row) => t.percent(row.percentOff) },
            { key: 'scope', header: t.scope, cell: (row) => scope(row.resourceType) },
            { key: 'validity', header: t.validity, cell: (row) => `${day(row.startsAt)} – ${day(row.endsAt)}` },
            { key: 'status', header: t.status, cell: (row) => status(row.active) },
          ]}
        />
      </Card>
      <Card title={t.vouchers} description={t.vouchersHint} flush>
        <DataTable
          caption={t.vouchers}
          rows={list.data.vouchers}
          rowKey={(row) => row.id}
          empty={<EmptyState title={t.noVouchers} description={t.noVouchersHint} />}
          columns={[
            { key: 'code', header: t.code, cell: (row) => <span className="cf-mono cf-small">{row.code}</span> },
            { key: 'scope', header: t.scope, cell: (row) => scope(row.resourceType) },
            { key: 'validity', header: t.validity, cell: (row) => `${day(row.validFrom)} – ${day(row.expiresAt)}` },
            { key: 'amount', header: t.amount, align: 'right', cell: (row) => formatMoney(row.amount, row.currency, locale) },
            { key: 'remaining', header: t.remaining, align: 'right', cell: (row) => <span data-testid="voucher-remaining">{formatMoney(row.remaining, row.currency, locale)}</span> },
            { key: 'status', header: t.status, cell: (row) => status(row.active) },
          ]}
        />
      </Card>
    </>
  );
}
