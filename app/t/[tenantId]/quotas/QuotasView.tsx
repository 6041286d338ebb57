'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, DataTable, Dialog, EmptyState, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDate } from '@/components/portal/format';
import { formatPercent, formatQuantity } from '@/components/portal/usage/format';
import { QuotaBar, type QuotaBarData } from '@/components/portal/usage/QuotaBar';
import { emptyDraft, QuotaDialog, type QuotaDraft } from './QuotaDialog';

type Address = { namespace: string; name: string };

/**
 * Quotas grouped by namespace: each limit with this period's usage as a bar and in a table
 * (`usageDashboard.quotaBars`); admins and owners create, edit and delete them (`quotas.*`).
 */
export function QuotasView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.quotas;
  const canEdit = tenant.role === 'owner' || tenant.role === 'admin';
  const bars = useQuery(trpc.usageDashboard.quotaBars.queryOptions());
  const list = useQuery(trpc.quotas.list.queryOptions({}));
  const [editing, setEditing] = useState<{ draft: QuotaDraft; existing: boolean } | null>(null);
  const [deleting, setDeleting] = useState<Address | null>(null);
  const remove = useMutation(trpc.quotas.delete.mutationOptions({
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.quotas.list.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.usageDashboard.quotaBars.queryKey() })]);
      setDeleting(null);
    },
  }));
  const choices = list.data;
  const startCreate = () => choices && setEditing({ draft: emptyDraft(choices.namespaces.find((n) => n.name === 'system')?.name ?? choices.namespaces[0]?.name ?? 'system', choices.resourceTypes[0]?.resourceType ?? 'api_calls'), existing: false });
  const startEdit = (address: Address) => {
    const quota = choices?.quotas.find((q) => q.namespace === address.namespace && q.name === address.name);
    if (quota) setEditing({ draft: { ...quota, objectLimits: quota.objectLimits as QuotaDraft['objectLimits'] }, existing: true });
  };
  const header = <PageHeader title={t.title} description={t.description} actions={canEdit ? <Button onClick={startCreate} disabled={!choices}>{t.create}</Button> : undefined} />;
  const dialogs = (
    <>
      {editing && choices ? <QuotaDialog draft={editing.draft} editing={editing.existing} choices={choices} onClose={() => setEditing(null)} /> : null}
      <Dialog open={deleting !== null} onClose={() => { remove.reset(); setDeleting(null); }} title={t.deleteTitle} closeLabel={messages.common.close}
        footer={<>
          <Button variant="secondary" onClick={() => setDeleting(null)}>{messages.common.cancel}</Button>
          <Button variant="danger" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting)}>{t.delete}</Button>
        </>}>
        {deleting ? <p>{t.deleteConfirm(deleting.name, deleting.namespace)}</p> : null}
        {remove.error ? <Alert tone="danger">{remove.error.message}</Alert> : null}
      </Dialog>
    </>
  );
  if (bars.isPending) return <div className="cf-stack-lg">{header}<LoadingState label={messages.common.loading} /></div>;
  if (bars.error) {
    return <div className="cf-stack-lg">{header}<ErrorState title={messages.common.error} message={bars.error.message} onRetry={() => void bars.refetch()} retryLabel={messages.common.retry} /></div>;
  }
  if (bars.data.bars.length === 0) return <div className="cf-stack-lg">{header}<Card><EmptyState title={t.empty} description={t.emptyHint} /></Card>{dialogs}</div>;
  const period = t.period(formatDate(bars.data.periodStart, locale, tenant.billingTimezone), formatDate(bars.data.periodEnd, locale, tenant.billingTimezone));
  const byNamespace = new Map<string, QuotaBarData[]>();
  for (const bar of bars.data.bars) byNamespace.set(bar.namespace, [...(byNamespace.get(bar.namespace) ?? []), bar]);
  const q = (value: string) => formatQuantity(value, locale);
  const actions = (row: QuotaBarData) => (
    <span className="cf-row cf-row-end">
      <Button size="sm" variant="secondary" onClick={() => startEdit({ namespace: row.namespace, name: row.quotaName })} aria-label={`${t.edit} ${row.namespace}/${row.quotaName}`}>{t.edit}</Button>
      <Button size="sm" variant="danger" onClick={() => setDeleting({ namespace: row.namespace, name: row.quotaName })} aria-label={`${t.delete} ${row.namespace}/${row.quotaName}`}>{t.delete}</Button>
    </span>
  );
  return (
    <div className="cf-stack-lg">
      {header}
      <p className="cf-muted cf-small">{period}</p>
      {[...byNamespace.entries()].map(([namespace, rows]) => (
        <Card key={namespace} title={`${t.namespace}: ${namespace}`} description={t.count(rows.length)}>
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
                ...(canEdit ? [{ key: 'actions', header: t.actions, align: 'right' as const, cell: actions }] : []),
              ]}
            />
          </div>
        </Card>
      ))}
      {dialogs}
    </div>
  );
}
