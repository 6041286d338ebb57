'use client';

import { useState, type FormEvent } from 'react';
import { Badge, Button, Card, DataTable, EmptyState, ErrorState, Field, Input, LoadingState } from '@/components/ui';
import { useI18n } from '@/components/providers/i18n';
import { formatDateTime } from '@/components/portal/format';
import type { AuditRow } from '@/server/audit/schema';

export type AuditFilterValues = { actor?: string; action?: string; targetType?: string; targetId?: string; from?: string; to?: string; tenantId?: string };

const FIELDS = ['actor', 'action', 'targetType', 'targetId', 'from', 'to'] as const;

/** Only the filters that were filled in, for the query and the CSV link alike. */
export function filledFilters(values: AuditFilterValues): AuditFilterValues {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => typeof value === 'string' && value.trim() !== '').map(([k, v]) => [k, v.trim()]));
}

export function exportHref(base: string, filters: AuditFilterValues): string {
  const query = new URLSearchParams(filledFilters(filters) as Record<string, string>).toString();
  return query ? `${base}?${query}` : base;
}

/** The filter form: applied on submit (one query per change of mind, not per keystroke). */
export function AuditFilterBar({ withTenant, onApply }: { withTenant?: boolean; onApply: (filters: AuditFilterValues) => void }) {
  const { messages } = useI18n();
  const t = messages.audit;
  const [key, setKey] = useState(0);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const names = withTenant ? [...FIELDS, 'tenantId' as const] : FIELDS;
    onApply(filledFilters(Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? '')]))));
  };
  const labels = { actor: t.actor, action: t.action, targetType: t.targetType, targetId: t.targetId, from: t.from, to: t.to };
  return (
    <form key={key} className="cf-form" aria-label={t.filters} onSubmit={submit}>
      <div className="cf-grid">
        {withTenant ? <Field label={t.tenantId} htmlFor="audit-tenantId"><Input id="audit-tenantId" name="tenantId" maxLength={100} /></Field> : null}
        {FIELDS.map((name) => (
          <Field key={name} label={labels[name]} htmlFor={`audit-${name}`}>
            <Input id={`audit-${name}`} name={name} type={name === 'from' || name === 'to' ? 'date' : 'text'} maxLength={320}
              placeholder={name === 'actor' ? t.actorPlaceholder : name === 'action' ? t.actionPlaceholder : undefined} />
          </Field>
        ))}
      </div>
      <div className="cf-row">
        <Button type="submit">{t.apply}</Button>
        <Button type="button" variant="secondary" onClick={() => { setKey((k) => k + 1); onApply({}); }}>{t.reset}</Button>
      </div>
    </form>
  );
}

function Json({ value }: { value: unknown }) {
  return <pre className="cf-mono cf-small" style={{ whiteSpace: 'pre-wrap', margin: 0, maxWidth: '28rem' }}>{value === null ? '—' : JSON.stringify(value, null, 2)}</pre>;
}

/** The rows: who (and which staff member acting as them, with the reason), what, on what, from where. */
export function AuditTable({ rows, timeZone, showTenant }: { rows: AuditRow[]; timeZone: string; showTenant?: boolean }) {
  const { messages, locale } = useI18n();
  const t = messages.audit;
  const actorLabel = (row: AuditRow) =>
    row.actor?.email ?? row.actor?.id ?? (row.actorKind === 'api_key' ? `${t.apiKey} ${row.apiKeyId ?? ''}` : row.actorKind === 'service' ? t.service : t.system);
  return (
    <DataTable
      caption={t.title}
      rows={rows}
      rowKey={(row) => row.id}
      empty={<EmptyState title={t.empty} description={t.emptyHint} />}
      columns={[
        { key: 'time', header: t.time, cell: (row) => <span className="cf-num">{formatDateTime(row.createdAt, locale, timeZone)}</span> },
        ...(showTenant ? [{ key: 'tenant', header: t.tenant, cell: (row: AuditRow) => <span className="cf-mono cf-small">{row.tenantId ?? '—'}</span> }] : []),
        {
          key: 'actor', header: t.actor, cell: (row) => (
            <span className="cf-stack-sm">
              {row.impersonator ? (
                <span data-testid="impersonated-by">
                  <Badge tone="warning">{t.actingAs(row.impersonator.email ?? row.impersonator.id)}</Badge>{' '}
                  <span className="cf-small cf-muted">{t.reason}: {row.impersonator.reason ?? t.noReason}</span>
                </span>
              ) : null}
              <span>{actorLabel(row)}</span>
            </span>
          ),
        },
        { key: 'action', header: t.action, cell: (row) => <span className="cf-mono">{row.action}</span> },
        { key: 'target', header: t.target, cell: (row) => <span className="cf-mono cf-small">{row.targetType ?? '—'}{row.targetId ? ` ${row.targetId}` : ''}</span> },
        {
          key: 'diff', header: t.diff, cell: (row) => (row.before === null && row.after === null ? '—' : (
            <details>
              <summary className="cf-small">{t.showDiff}</summary>
              <div className="cf-stack-sm">
                <strong className="cf-small">{t.before}</strong><Json value={row.before} />
                <strong className="cf-small">{t.after}</strong><Json value={row.after} />
              </div>
            </details>
          )),
        },
        { key: 'ip', header: t.ip, cell: (row) => <span className="cf-mono cf-small">{row.ip ?? '—'}</span> },
        { key: 'request', header: t.requestId, cell: (row) => <span className="cf-mono cf-small">{row.requestId ?? '—'}</span> },
      ]}
    />
  );
}

/** What the audit pages' infinite query gives the results: pages of rows and the next-page controls. */
export type AuditPages = {
  isPending: boolean;
  isError: boolean;
  error: { message: string } | null;
  data?: { pages: { items: AuditRow[] }[] };
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
};

/** Loading, error, or the rows with "load more": the same for the tenant's and the staff's audit page. */
export function AuditResults({ list, timeZone, showTenant }: { list: AuditPages; timeZone: string; showTenant?: boolean }) {
  const { messages } = useI18n();
  if (list.isPending) return <LoadingState label={messages.common.loading} />;
  if (list.isError || !list.data) {
    return <ErrorState title={messages.common.error} message={list.error?.message ?? messages.common.error} onRetry={() => list.refetch()} retryLabel={messages.common.retry} />;
  }
  return (
    <Card flush>
      <AuditTable rows={list.data.pages.flatMap((page) => page.items)} timeZone={timeZone} showTenant={showTenant} />
      {list.hasNextPage ? (
        <div className="cf-row cf-row-end" style={{ padding: '0.75rem' }}>
          <Button variant="secondary" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>{messages.audit.more}</Button>
        </div>
      ) : null}
    </Card>
  );
}
