'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, DataTable, Dialog, EmptyState, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDateTime } from '@/components/portal/format';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';

const PAGE_SIZE = 10;

export function ApiKeysView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.apiKeys;
  const canManage = tenant.role === 'owner' || tenant.role === 'admin';
  const keys = useQuery({ ...trpc.apiKeys.list.queryOptions(), enabled: canManage });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const [page, setPage] = useState(1);
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({
    onSuccess: () => {
      setRevoking(null);
      return queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
    },
  }));
  const when = (value: Date | null) => (value ? formatDateTime(value, locale, tenant.billingTimezone) : messages.common.never);

  const header = <PageHeader title={t.title} description={t.description} actions={canManage ? <Button onClick={() => setCreating(true)}>{t.create}</Button> : undefined} />;
  if (!canManage) return <div className="cf-stack-lg">{header}<Alert tone="warning">{t.forbidden}</Alert></div>;
  if (keys.isPending) return <div className="cf-stack-lg">{header}<LoadingState label={messages.common.loading} /></div>;
  if (keys.isError) return <div className="cf-stack-lg">{header}<ErrorState title={messages.common.error} message={keys.error.message} onRetry={() => keys.refetch()} retryLabel={messages.common.retry} /></div>;

  const pageCount = Math.max(1, Math.ceil(keys.data.length / PAGE_SIZE));
  const rows = keys.data.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const status = (row: (typeof rows)[number]) =>
    row.revokedAt ? <Badge tone="neutral">{t.revoked}</Badge> : row.expiresAt && new Date(row.expiresAt) <= new Date() ? <Badge tone="warning">{t.expired}</Badge> : <Badge tone="success">{t.active}</Badge>;
  return (
    <div className="cf-stack-lg">
      {header}
      <Card flush>
        <DataTable
          caption={t.title}
          rows={rows}
          rowKey={(row) => row.id}
          empty={<EmptyState title={t.empty} description={t.emptyHint} action={<Button onClick={() => setCreating(true)}>{t.create}</Button>} />}
          pagination={{ page, pageCount, onPageChange: setPage, labels: { previous: messages.common.previous, next: messages.common.next, pageOf: messages.common.pageOf } }}
          columns={[
            { key: 'name', header: t.name, cell: (row) => <strong>{row.name}</strong> },
            { key: 'prefix', header: t.prefix, cell: (row) => <span className="cf-mono" data-testid="api-key-prefix">{row.prefix}…</span> },
            { key: 'scopes', header: t.scopes, cell: (row) => <span className="cf-row">{row.scopes.map((s) => <Badge key={s}>{s}</Badge>)}</span> },
            { key: 'created', header: t.createdAt, cell: (row) => when(row.createdAt) },
            { key: 'lastUsed', header: t.lastUsed, cell: (row) => when(row.lastUsedAt) },
            { key: 'status', header: t.status, cell: status },
            { key: 'actions', header: '', align: 'right', cell: (row) => (row.revokedAt ? null : <Button size="sm" variant="danger" onClick={() => setRevoking({ id: row.id, name: row.name })}>{t.revoke}</Button>) },
          ]}
        />
      </Card>
      <CreateApiKeyDialog open={creating} onClose={() => setCreating(false)} />
      <Dialog open={revoking !== null} onClose={() => setRevoking(null)} title={t.revoke} closeLabel={messages.common.close}
        footer={<>
          <Button variant="secondary" onClick={() => setRevoking(null)}>{messages.common.cancel}</Button>
          <Button variant="danger" loading={revoke.isPending} onClick={() => revoking && revoke.mutate({ id: revoking.id })}>{t.revoke}</Button>
        </>}>
        {revoking ? <p>{t.revokeConfirm(revoking.name)}</p> : null}
        {revoke.error ? <Alert tone="danger">{revoke.error.message}</Alert> : null}
      </Dialog>
    </div>
  );
}
