'use client';

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Checkbox, CopyField, DataTable, EmptyState, ErrorState, Field, Input, LoadingState, PageHeader, Select } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { formatDateTime } from '@/components/portal/format';

const OVERLAPS = [0, 1, 24, 72, 168] as const;
type Scope = 'export:user-data';

/** Staff admins create, rotate (with an overlap) and revoke service credentials; a secret is shown once. */
export function ServiceCredentialsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages, locale } = useI18n();
  const t = messages.serviceCredentials;
  const list = useQuery(trpc.staff.serviceCredentials.list.queryOptions());
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['export:user-data']);
  const [overlaps, setOverlaps] = useState<Record<string, number>>({});
  const [issued, setIssued] = useState<{ token: string; name: string; notice: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.staff.serviceCredentials.list.queryKey() });
  const create = useMutation(trpc.staff.serviceCredentials.create.mutationOptions({
    onSuccess: (data) => { setNotice(null); setIssued({ token: data.token, name: data.credential.name, notice: t.createdNotice }); setName(''); return refresh(); },
  }));
  const rotate = useMutation(trpc.staff.serviceCredentials.rotate.mutationOptions({
    onSuccess: (data) => { setNotice(null); setIssued({ token: data.token, name: data.credential.name, notice: t.rotatedNotice }); return refresh(); },
  }));
  const revoke = useMutation(trpc.staff.serviceCredentials.revoke.mutationOptions({ onSuccess: () => { setIssued(null); setNotice(t.revokedNotice); return refresh(); } }));
  const failure = create.error?.message ?? rotate.error?.message ?? revoke.error?.message;
  const at = (value: Date | string | null) => (value ? formatDateTime(value, locale, 'UTC') : t.never);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() && scopes.length) create.mutate({ name: name.trim(), scopes });
  };
  return (
    <div className="cf-stack-lg">
      <PageHeader title={t.title} description={t.description} />
      {notice && <Alert tone="success">{notice}</Alert>}
      {failure && <Alert tone="danger">{failure}</Alert>}
      {issued && (
        <Alert tone="warning">
          <div className="cf-stack">
            <span>{issued.notice}</span>
            <CopyField id="new-service-credential" label={`${t.secret}: ${issued.name}`} value={issued.token} copyLabel={messages.common.copy} copiedLabel={messages.common.copied} />
          </div>
        </Alert>
      )}
      <Card>
        <form className="cf-stack" onSubmit={submit} aria-label={t.createTitle}>
          <h2>{t.createTitle}</h2>
          <Field label={t.name} htmlFor="service-credential-name" required>
            <Input id="service-credential-name" value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
          </Field>
          <fieldset className="cf-stack">
            <legend>{t.scopes}</legend>
            {(list.data?.scopes ?? ['export:user-data']).map((scope) => (
              <Checkbox key={scope} label={<span className="cf-mono">{scope}</span>} checked={scopes.includes(scope)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))} />
            ))}
          </fieldset>
          <div><Button type="submit" loading={create.isPending} disabled={!name.trim() || scopes.length === 0}>{t.create}</Button></div>
        </form>
      </Card>
      {list.isPending ? <LoadingState label={messages.common.loading} /> : list.isError ? (
        <ErrorState title={messages.common.error} message={list.error.message} onRetry={() => list.refetch()} retryLabel={messages.common.retry} />
      ) : (
        <Card flush>
          <DataTable
            caption={t.title}
            rows={list.data.items}
            rowKey={(row) => row.id}
            empty={<EmptyState title={t.empty} />}
            columns={[
              { key: 'name', header: t.name, cell: (row) => <strong>{row.name}</strong> },
              { key: 'prefix', header: t.prefix, cell: (row) => <span className="cf-mono cf-small">{row.prefix}</span> },
              { key: 'scopes', header: t.scopes, cell: (row) => <span className="cf-mono cf-small">{row.scopes.join(', ')}</span> },
              { key: 'created', header: t.createdAt, cell: (row) => at(row.createdAt) },
              { key: 'used', header: t.lastUsedAt, cell: (row) => at(row.lastUsedAt) },
              { key: 'status', header: t.status, cell: (row) => row.revokedAt ? <Badge tone="danger">{t.revoked}</Badge> : (
                <>
                  <Badge tone="success">{t.active}</Badge>
                  {row.previousSecretExpiresAt && <div className="cf-small">{t.overlapUntil.replace('{at}', at(row.previousSecretExpiresAt))}</div>}
                </>
              ) },
              { key: 'actions', header: '', align: 'right', cell: (row) => row.revokedAt ? null : (
                <div className="cf-row cf-row-end">
                  <Select aria-label={`${t.overlap} (${row.name})`} value={overlaps[row.id] ?? 24} onChange={(e) => setOverlaps({ ...overlaps, [row.id]: Number(e.target.value) })}>
                    {OVERLAPS.map((n) => <option key={n} value={n}>{n === 0 ? t.none : t.hours.replace('{n}', String(n))}</option>)}
                  </Select>
                  <Button size="sm" variant="secondary" loading={rotate.isPending && rotate.variables?.id === row.id}
                    onClick={() => rotate.mutate({ id: row.id, overlapHours: overlaps[row.id] ?? 24 })}>{t.rotate}</Button>
                  <Button size="sm" variant="danger" loading={revoke.isPending && revoke.variables?.id === row.id} onClick={() => revoke.mutate({ id: row.id })}>{t.revoke}</Button>
                </div>
              ) },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
