'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, DataTable, Dialog, EmptyState, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDateTime, formatMoney } from '@/components/portal/format';
import type { AlertView } from '@/server/alerts/schema';
import { AlertForm, type AlertFormValues } from './AlertForm';

type Editing = { mode: 'create' } | { mode: 'edit'; alert: AlertView };

/** Usage alerts: everyone sees them; owners and admins create, edit, pause and delete. */
export function AlertsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.alerts;
  const canChange = tenant.role === 'owner' || tenant.role === 'admin';
  const list = useQuery(trpc.alerts.list.queryOptions());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<AlertView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.alerts.list.queryKey() });
  const done = (message: string) => {
    setEditing(null);
    setDeleting(null);
    setNotice(message);
    return refresh();
  };
  const create = useMutation(trpc.alerts.create.mutationOptions({ onSuccess: () => done(t.saved) }));
  const update = useMutation(trpc.alerts.update.mutationOptions({ onSuccess: () => done(t.saved) }));
  const setStatus = useMutation(trpc.alerts.setStatus.mutationOptions({ onSuccess: (row) => done(row.status === 'paused' ? t.paused : t.resumed) }));
  const remove = useMutation(trpc.alerts.delete.mutationOptions({ onSuccess: () => done(t.deleted) }));

  const header = <PageHeader title={t.title} description={t.description} actions={canChange && list.isSuccess ? <Button onClick={() => { create.reset(); setEditing({ mode: 'create' }); }}>{t.create}</Button> : undefined} />;
  if (list.isPending) return <div className="cf-stack-lg">{header}<LoadingState label={messages.common.loading} /></div>;
  if (list.isError) return <div className="cf-stack-lg">{header}<ErrorState title={messages.common.error} message={list.error.message} onRetry={() => list.refetch()} retryLabel={messages.common.retry} /></div>;

  const { alerts, resourceTypes, apps } = list.data;
  const resourceName = (type: string) => {
    const found = resourceTypes.find((r) => r.resourceType === type);
    return found ? (locale === 'zh-CN' ? found.nameZh : found.name) : type;
  };
  const unitOf = (type: string) => resourceTypes.find((r) => r.resourceType === type)?.unitName ?? '';
  const appName = (id: string | null) => (id ? apps.find((app) => app.id === id)?.name ?? id : t.allApps);
  const submit = (values: AlertFormValues) => {
    if (editing?.mode === 'edit') update.mutate({ id: editing.alert.id, ...values });
    else create.mutate({ name: values.name, resourceType: values.resourceType, appId: values.appId, thresholdPercent: values.thresholdPercent, thresholdAmount: values.thresholdAmount, thresholdSpend: values.thresholdSpend, channels: values.channels });
  };
  const saving = editing?.mode === 'edit' ? update : create;
  const actions = (row: AlertView) => (canChange ? (
    <span className="cf-row">
      <Button size="sm" variant="secondary" onClick={() => { update.reset(); setEditing({ mode: 'edit', alert: row }); }} aria-label={`${t.edit}: ${row.name}`}>{t.edit}</Button>
      <Button size="sm" variant="secondary" loading={setStatus.isPending && setStatus.variables?.id === row.id}
        onClick={() => setStatus.mutate({ id: row.id, status: row.status === 'active' ? 'paused' : 'active' })}
        aria-label={`${row.status === 'active' ? t.pause : t.resume}: ${row.name}`}>{row.status === 'active' ? t.pause : t.resume}</Button>
      <Button size="sm" variant="danger" onClick={() => { remove.reset(); setDeleting(row); }} aria-label={`${t.delete}: ${row.name}`}>{t.delete}</Button>
    </span>
  ) : null);

  return (
    <div className="cf-stack-lg">
      {header}
      {!canChange ? <Alert tone="info">{t.readOnly}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {setStatus.error ? <Alert tone="danger">{setStatus.error.message}</Alert> : null}
      <Card flush>
        <DataTable
          caption={t.title}
          rows={alerts}
          rowKey={(row) => row.id}
          empty={<EmptyState title={t.empty} description={t.emptyHint} />}
          columns={[
            { key: 'name', header: t.name, cell: (row) => <strong data-testid="alert-name">{row.name}</strong> },
            { key: 'resource', header: t.resource, cell: (row) => resourceName(row.resourceType) },
            { key: 'scope', header: t.scope, cell: (row) => appName(row.appId) },
            {
              key: 'threshold', header: t.threshold,
              cell: (row) => (
                <div className="cf-stack">
                  {row.thresholdPercent !== null ? <span>{t.percentOf(row.thresholdPercent)}</span> : null}
                  {row.thresholdAmount !== null ? <span>{t.atLeast(`${row.thresholdAmount} ${unitOf(row.resourceType)}`.trim())}</span> : null}
                  {row.thresholdSpend !== null ? <span>{t.spendAtLeast(formatMoney(row.thresholdSpend, row.currency, locale))}</span> : null}
                </div>
              ),
            },
            { key: 'channels', header: t.channels, cell: (row) => <span className="cf-row">{row.channels.map((c) => <Badge key={c} tone="neutral">{t.channelNames[c]}</Badge>)}</span> },
            { key: 'status', header: t.status, cell: (row) => <Badge tone={row.status === 'active' ? 'success' : 'warning'}><span data-testid="alert-status">{t.statuses[row.status]}</span></Badge> },
            { key: 'last', header: t.lastTriggered, cell: (row) => (row.lastTriggeredAt ? formatDateTime(row.lastTriggeredAt, locale, tenant.billingTimezone) : <span className="cf-muted">{t.never}</span>) },
            { key: 'actions', header: t.actions, align: 'right', cell: actions },
          ]}
        />
      </Card>
      {editing ? (
        <AlertForm
          key={editing.mode === 'edit' ? editing.alert.id : 'new'}
          open
          editing={editing.mode === 'edit' ? editing.alert : null}
          options={{ resourceTypes, apps }}
          currency={tenant.currency}
          pending={saving.isPending}
          serverError={saving.error?.message ?? null}
          onClose={() => setEditing(null)}
          onSubmit={submit}
        />
      ) : null}
      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={deleting ? t.confirmDelete(deleting.name) : ''}
        description={t.deleteHint}
        closeLabel={messages.common.close}
        footer={<>
          <Button variant="secondary" onClick={() => setDeleting(null)}>{messages.common.cancel}</Button>
          <Button variant="danger" loading={remove.isPending} onClick={() => deleting && remove.mutate({ id: deleting.id })}>{t.delete}</Button>
        </>}
      >
        {remove.error ? <Alert tone="danger">{remove.error.message}</Alert> : null}
      </Dialog>
    </div>
  );
}
