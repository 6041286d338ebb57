'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, DataTable, Dialog, EmptyState, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import type { Tone } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDate, formatMoney } from '@/components/portal/format';
import type { AddOnList } from '@/server/addons/schema';

type Row = AddOnList['addOns'][number];
type Pending = { kind: 'subscribe' | 'unsubscribe'; row: Row };

const STATE_TONE: Record<Row['state'], Tone> = { included: 'info', active: 'success', ending: 'warning', available: 'neutral' };

/** The add-ons the plan offers; billing and above subscribe (with the prorated charge shown first) or unsubscribe. */
export function AddOnsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.addOns;
  const canChange = tenant.role === 'owner' || tenant.role === 'admin' || tenant.role === 'billing';
  const list = useQuery(trpc.addOns.list.queryOptions());
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.addOns.list.queryKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.credits.balance.queryKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.tenants.overview.queryKey() }),
  ]);
  const onDone = (result: { outcome: keyof typeof t.done }) => {
    setPending(null);
    setNotice(t.done[result.outcome]);
    return refresh();
  };
  const subscribe = useMutation(trpc.addOns.subscribe.mutationOptions({ onSuccess: onDone }));
  const unsubscribe = useMutation(trpc.addOns.unsubscribe.mutationOptions({ onSuccess: onDone }));
  const header = <PageHeader title={t.title} description={t.description} />;
  if (list.isPending) return <div className="cf-stack-lg">{header}<LoadingState label={messages.common.loading} /></div>;
  if (list.isError) return <div className="cf-stack-lg">{header}<ErrorState title={messages.common.error} message={list.error.message} onRetry={() => list.refetch()} retryLabel={messages.common.retry} /></div>;

  const { addOns, currency, periodEnd, hasSubscription, canSubscribe } = list.data;
  const name = (row: Row) => (locale === 'zh-CN' ? row.nameZh : row.name);
  const date = (value: Date) => formatDate(value, locale, tenant.billingTimezone);
  const money = (amount: string) => formatMoney(amount, currency, locale);
  const action = (row: Row) => {
    if (!canChange || row.state === 'included') return null;
    if (row.state === 'active') return <Button size="sm" variant="secondary" onClick={() => setPending({ kind: 'unsubscribe', row })}>{t.unsubscribe}</Button>;
    if (!canSubscribe) return null;
    if (row.state === 'ending') return <Button size="sm" onClick={() => setPending({ kind: 'subscribe', row })}>{t.resume}</Button>;
    return row.price === null ? null : <Button size="sm" onClick={() => setPending({ kind: 'subscribe', row })}>{t.subscribe}</Button>;
  };
  const mutation = pending?.kind === 'unsubscribe' ? unsubscribe : subscribe;
  const charge = pending?.row.proratedCharge;
  return (
    <div className="cf-stack-lg">
      {header}
      {!canChange ? <Alert tone="info">{t.viewerNote}</Alert> : null}
      {hasSubscription && !canSubscribe ? <Alert tone="warning">{t.suspended}</Alert> : null}
      {notice ? <div role="status"><Alert tone="success">{notice}</Alert></div> : null}
      <Card flush>
        <DataTable
          caption={t.title}
          rows={addOns}
          rowKey={(row) => row.code}
          empty={hasSubscription ? <EmptyState title={t.empty} /> : <EmptyState title={t.noSubscription} description={t.noSubscriptionHint} />}
          columns={[
            { key: 'name', header: t.name, cell: (row) => <div><strong>{name(row)}</strong><div className="cf-muted cf-small">{locale === 'zh-CN' ? row.descriptionZh : row.description}</div></div> },
            { key: 'price', header: t.price, cell: (row) => (row.price === null ? t.noPrice : <span>{money(row.price)} <span className="cf-muted cf-small">{t.perPeriod}</span></span>) },
            {
              key: 'state', header: t.status,
              cell: (row) => <span className="cf-row"><Badge tone={STATE_TONE[row.state]}><span data-testid={`addon-state-${row.code}`}>{t.states[row.state]}</span></Badge>{row.endsAt ? <span className="cf-small cf-muted">{t.endsOn(date(row.endsAt))}</span> : null}</span>,
            },
            { key: 'actions', header: t.actions, align: 'right', cell: action },
          ]}
        />
      </Card>
      <Dialog
        open={pending !== null}
        onClose={() => setPending(null)}
        title={pending ? (pending.kind === 'subscribe' ? t.confirmSubscribe(name(pending.row)) : t.confirmUnsubscribe(name(pending.row))) : ''}
        closeLabel={messages.common.close}
        footer={<>
          <Button variant="secondary" onClick={() => setPending(null)}>{messages.common.cancel}</Button>
          <Button
            variant={pending?.kind === 'unsubscribe' ? 'danger' : 'primary'}
            loading={mutation.isPending}
            onClick={() => pending && mutation.mutate({ addOnCode: pending.row.code })}
          >{pending?.kind === 'unsubscribe' ? t.unsubscribe : pending?.row.state === 'ending' ? t.resume : t.subscribe}</Button>
        </>}
      >
        {pending?.kind === 'subscribe' && pending.row.state === 'ending' ? <p>{t.resumeNoCharge}</p> : null}
        {pending?.kind === 'subscribe' && charge ? (
          <div className="cf-stack">
            <p>{t.proratedIntro(charge.remainingDays, charge.periodDays)}</p>
            <dl className="cf-stack" data-testid="prorated-charge">
              <div className="cf-row"><dt>{t.subtotal}</dt><dd>{money(charge.amount)}</dd></div>
              <div className="cf-row"><dt>{t.tax}</dt><dd>{money(charge.taxAmount)}</dd></div>
              <div className="cf-row"><dt><strong>{t.total}</strong></dt><dd><strong data-testid="prorated-total">{money(charge.total)}</strong></dd></div>
            </dl>
            <p className="cf-muted cf-small">{t.creditFirst}</p>
          </div>
        ) : null}
        {pending?.kind === 'unsubscribe' && periodEnd ? <p>{t.unsubscribeIntro(date(periodEnd))}</p> : null}
        {mutation.error ? <Alert tone="danger">{mutation.error.message}</Alert> : null}
      </Dialog>
    </div>
  );
}
