'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge, Card, DataTable, EmptyState, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDate } from '@/components/portal/format';
import { formatPercent, formatQuantity } from '@/components/portal/usage/format';
import { QuotaBar, type QuotaBarData } from '@/components/portal/usage/QuotaBar';

/** Quotas grouped by namespace: each limit with this period's usage, a bar and the table of the same numbers. */
export function QuotasView() {
  const trpc = useTRPC();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.quotas;
  const bars = useQuery(trpc.usageDashboard.quotaBars.queryOptions());
  const header = <PageHeader title={t.title} description={t.description} />;
  if (bars.isPending) return <div className="cf-stack-lg">{header}<LoadingState label={messages.common.loading} /></div>;
  if (bars.error) {
    return <div className="cf-stack-lg">{header}<ErrorState title={messages.common.error} message={bars.error.message} onRetry={() => void bars.refetch()} retryLabel={messages.common.retry} /></div>;
  }
  const { periodStart, periodEnd } = bars.data;
  const period = t.period(formatDate(periodStart, locale, tenant.billingTimezone), formatDate(periodEnd, locale, tenant.billingTimezone));
  if (bars.data.bars.length === 0) return <div className="cf-stack-lg">{header}<Card><EmptyState title={t.empty} description={t.emptyHint} /></Card></div>;
  const byNamespace = new Map<string, QuotaBarData[]>();
  for (const bar of bars.data.bars) byNamespace.set(bar.namespace, [...(byNamespace.get(bar.namespace) ?? []), bar]);
  const q = (value: string) => formatQuantity(value, locale);
  return (
    <div className="cf-stack-lg">
      {header}
      <p className="cf-muted cf-small">{period}</p>
      {[...byNamespace.entries()].map(([namespace, rows]) => (
        <Card key={namespace} title={`${t.namespace}: ${namespace}`} description={t.count(rows.length)} titleLevel={2}>
          <div className="cf-stack">
            {rows.map((bar) => <QuotaBar key={`${bar.quotaId}-${bar.resource.resourceType}`} bar={bar} />)}
            <DataTable
              caption={`${t.namespace}: ${namespace}`}
              rows={rows}
              rowKey={(row) => `${row.quotaId}-${row.resource.resourceType}`}
              columns={[
                { key: 'quota', header: t.quota, cell: (row) => <span className="cf-mono cf-small">{row.quotaName}</span> },
                { key: 'resource', header: t.resource, cell: (row) => (locale === 'zh-CN' ? row.resource.nameZh : row.resource.name) },
                { key: 'app', header: t.app, cell: (row) => row.appName ?? t.allApps },
                { key: 'enforcement', header: t.enforcement, cell: (row) => messages.usage.enforcement[row.enforcement] },
                { key: 'maximum', header: t.maximum, align: 'right', cell: (row) => `${q(row.maximum)} ${row.resource.unit}` },
                { key: 'used', header: t.used, align: 'right', cell: (row) => q(row.used) },
                { key: 'percent', header: t.percentUsed, align: 'right', cell: (row) => formatPercent(row.percentUsed, locale) },
                { key: 'projected', header: t.projected, align: 'right', cell: (row) => `${q(row.projected)} (${formatPercent(row.projectedPercent, locale)})` },
                { key: 'status', header: t.status, cell: (row) => <Badge tone={row.disabled ? 'neutral' : 'success'}>{row.disabled ? t.disabled : t.active}</Badge> },
              ]}
            />
          </div>
        </Card>
      ))}
    </div>
  );
}
