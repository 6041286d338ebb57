'use client';

import { useState } from 'react';
import Link from 'next/link';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, EmptyState, ErrorState, Field, Input, LoadingState, PageHeader, Select, buttonClassName } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDate } from '@/components/portal/format';
import { QuotaBar } from '@/components/portal/usage/QuotaBar';
import { UsageChart } from './UsageChart';
import { ProjectionCard } from './ProjectionCard';

type Granularity = 'hour' | 'day' | 'month';
type StackBy = 'resource_type' | 'app';
const GRANULARITIES: Granularity[] = ['hour', 'day', 'month'];
const STACKS: StackBy[] = ['resource_type', 'app'];

/** A row of toggle buttons (aria-pressed), one choice at a time. */
function Toggle<T extends string>({ label, options, value, names, onChange, testId }: { label: string; options: T[]; value: T; names: Record<T, string>; onChange: (v: T) => void; testId: string }) {
  return (
    <div role="group" aria-label={label} className="cf-stack-sm">
      <span className="cf-label">{label}</span>
      <div className="cf-row" data-testid={testId}>
        {options.map((option) => (
          <Button key={option} size="sm" variant={option === value ? 'primary' : 'secondary'} aria-pressed={option === value} onClick={() => onChange(option)}>{names[option]}</Button>
        ))}
      </div>
    </div>
  );
}

function exportHref(tenantId: string, input: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(input).filter((e): e is [string, string] => Boolean(e[1])));
  return `/t/${tenantId}/usage/export?${params}`;
}

/** The usage dashboard: the chart (with its table), the quota bars and the projection, each loading and failing on its own. */
export function UsageView() {
  const trpc = useTRPC();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.usage;
  const [granularity, setGranularity] = useState<Granularity>('day');
  const [stackBy, setStackBy] = useState<StackBy>('resource_type');
  const [resourceType, setResourceType] = useState('');
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const input = { granularity, stackBy, resourceType: resourceType || undefined, ...(range ?? {}) };
  const series = useQuery({ ...trpc.usageDashboard.series.queryOptions(input), placeholderData: keepPreviousData });
  const bars = useQuery(trpc.usageDashboard.quotaBars.queryOptions());
  const projection = useQuery(trpc.usageDashboard.projection.queryOptions());
  const resourceTypes = series.data?.resourceTypes ?? [];
  const when = (value: Date) => formatDate(value, locale, tenant.billingTimezone);

  const chooseStack = (next: StackBy) => {
    if (next === 'app' && !resourceType && resourceTypes[0]) setResourceType(resourceTypes[0].resourceType);
    setStackBy(next);
  };
  const chooseGranularity = (next: Granularity) => { setGranularity(next); setRange(null); };
  const setDate = (which: 'from' | 'to', value: string) => {
    if (!value || !series.data) return;
    setRange({ from: range?.from ?? series.data.from, to: range?.to ?? series.data.to, [which]: value });
  };
  const selected = resourceTypes.find((r) => r.resourceType === resourceType);

  return (
    <div className="cf-stack-lg">
      <PageHeader title={t.title} description={`${t.description}${t.timezoneHint(tenant.billingTimezone)}`}
        actions={<a className={buttonClassName('secondary')} href={exportHref(tenant.id, input)} download data-testid="usage-export">{t.exportCsv}</a>} />
      <Card title={t.chart}>
        <div className="cf-stack">
          <div className="cf-row" style={{ flexWrap: 'wrap', gap: 'var(--cf-space-5)', alignItems: 'flex-end' }} aria-label={t.controls} role="group">
            <Toggle label={t.granularity} options={GRANULARITIES} value={granularity} names={t.granularities} onChange={chooseGranularity} testId="granularity" />
            <Toggle label={t.stackBy} options={STACKS} value={stackBy} names={t.stacks} onChange={chooseStack} testId="stack-by" />
            <Field label={t.resourceType} htmlFor="usage-resource">
              <Select id="usage-resource" value={resourceType} onChange={(e) => setResourceType(e.target.value)}>
                {stackBy === 'resource_type' ? <option value="">{t.allResources}</option> : null}
                {resourceTypes.map((r) => <option key={r.resourceType} value={r.resourceType}>{locale === 'zh-CN' ? r.nameZh : r.name} ({r.unit})</option>)}
              </Select>
            </Field>
            <Field label={t.from} htmlFor="usage-from"><Input id="usage-from" type="date" value={range?.from ?? series.data?.from ?? ''} onChange={(e) => setDate('from', e.target.value)} /></Field>
            <Field label={t.to} htmlFor="usage-to"><Input id="usage-to" type="date" value={range?.to ?? series.data?.to ?? ''} onChange={(e) => setDate('to', e.target.value)} /></Field>
          </div>
          {series.isPending ? <LoadingState label={messages.common.loading} />
            : series.error ? <ErrorState title={messages.common.error} message={series.error.message} onRetry={() => void series.refetch()} retryLabel={messages.common.retry} />
            : series.data.series.length === 0 ? <EmptyState title={t.empty} description={t.emptyHint} />
            : (
              <>
                {!selected && stackBy === 'resource_type' ? <p className="cf-small cf-muted">{t.mixedUnits}</p> : null}
                <UsageChart data={series.data} unit={selected?.unit ?? null} />
              </>
            )}
        </div>
      </Card>
      <Card title={t.quotas} description={bars.data ? t.quotasDescription(when(bars.data.periodStart), when(bars.data.periodEnd)) : undefined}
        actions={<Link className="cf-small" href={`/t/${tenant.id}/quotas`}>{t.manageQuotas}</Link>}>
        {bars.isPending ? <LoadingState label={messages.common.loading} />
          : bars.error ? <ErrorState title={messages.common.error} message={bars.error.message} onRetry={() => void bars.refetch()} retryLabel={messages.common.retry} />
          : bars.data.bars.length === 0 ? <EmptyState title={t.noQuotas} description={t.noQuotasHint} />
          : <div className="cf-stack">{bars.data.bars.map((bar) => <QuotaBar key={`${bar.quotaId}-${bar.resource.resourceType}`} bar={bar} />)}</div>}
      </Card>
      {projection.isPending ? <LoadingState label={messages.common.loading} />
        : projection.error ? <ErrorState title={messages.common.error} message={projection.error.message} onRetry={() => void projection.refetch()} retryLabel={messages.common.retry} />
        : <ProjectionCard projection={projection.data} />}
    </div>
  );
}
