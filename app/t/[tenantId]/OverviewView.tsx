'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge, Card, DataTable, EmptyState, ErrorState, LoadingState, PageHeader, Stat } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDate, formatMoney } from '@/components/portal/format';
import type { Tone } from '@/components/ui';

const STATUS_TONE: Record<string, Tone> = { paid: 'success', open: 'warning', failed: 'danger', void: 'neutral', refunded: 'info', draft: 'neutral' };
const SUBSCRIPTION_TONE: Record<string, Tone> = { active: 'success', trialing: 'info', past_due: 'danger', grace: 'warning', canceled: 'neutral', expired: 'neutral', suspended: 'danger' };

export function OverviewView() {
  const trpc = useTRPC();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const overview = useQuery(trpc.tenants.overview.queryOptions());
  const t = messages.overview;
  if (overview.isPending) return <LoadingState label={messages.common.loading} />;
  if (overview.isError) {
    return <ErrorState title={messages.common.error} message={overview.error.message} onRetry={() => overview.refetch()} retryLabel={messages.common.retry} />;
  }
  const { subscription, credit, latestRecords, recordCount } = overview.data;
  const date = (value: Date | string) => formatDate(value, locale, tenant.billingTimezone);
  return (
    <div className="cf-stack-lg">
      <PageHeader title={t.title} description={tenant.name} />
      <div className="cf-grid">
        <Card title={t.currentPlan}>
          {subscription ? (
            <Stat
              label={locale === 'zh-CN' ? subscription.plan.nameZh : subscription.plan.name}
              value={<span data-testid="current-plan">{formatMoney(subscription.amount, subscription.currency, locale)} <span className="cf-muted cf-small">{subscription.billingCycle === 'yearly' ? t.perYear : t.perMonth}</span></span>}
              hint={<Badge tone={SUBSCRIPTION_TONE[subscription.status]}>{messages.subscriptionStatus[subscription.status]}</Badge>}
            />
          ) : <EmptyState title={t.noPlan} />}
        </Card>
        <Card title={t.period}>
          {subscription ? (
            <Stat
              label={`${date(subscription.currentPeriodStart)} – ${date(subscription.currentPeriodEnd)}`}
              value={date(subscription.currentPeriodEnd)}
              hint={subscription.status === 'trialing' && subscription.trialEndDate ? `${t.trialEnds} ${date(subscription.trialEndDate)}` : subscription.cancelAtPeriodEnd ? t.ends : t.renews}
            />
          ) : <EmptyState title={t.noPlan} />}
        </Card>
        <Card title={t.credit}>
          <Stat
            label={credit.currency}
            value={<span data-testid="credit-balance">{formatMoney(credit.balance, credit.currency, locale)}</span>}
            hint={credit.updatedAt ? `${t.creditUpdated} ${date(credit.updatedAt)}` : undefined}
          />
        </Card>
      </div>
      <Card title={t.latestRecords} description={recordCount > 0 ? t.records(recordCount) : undefined} flush>
        <DataTable
          caption={t.latestRecords}
          rows={latestRecords}
          rowKey={(row) => row.id}
          empty={<EmptyState title={t.noRecords} description={t.noRecordsHint} />}
          columns={[
            { key: 'invoice', header: t.invoice, cell: (row) => <span className="cf-mono">{row.invoiceNumber ?? row.id}</span> },
            { key: 'description', header: t.description, cell: (row) => row.description },
            { key: 'type', header: t.type, cell: (row) => messages.recordType[row.type] },
            { key: 'date', header: t.date, cell: (row) => date(row.createdAt) },
            { key: 'status', header: t.status, cell: (row) => <Badge tone={STATUS_TONE[row.status]}>{messages.recordStatus[row.status]}</Badge> },
            { key: 'amount', header: t.amount, align: 'right', cell: (row) => formatMoney(row.amount, row.currency, locale) },
          ]}
        />
      </Card>
    </div>
  );
}
