'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, DataTable, Dialog, EmptyState, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import type { Tone } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import type { PaymentMethodView } from '@/server/payment-methods/schema';
import { AddMethodForm } from './AddMethodForm';

const ROLE_TONE: Record<PaymentMethodView['role'], Tone> = { primary: 'success', secondary: 'info', normal: 'neutral' };
type Done = 'added' | 'removed' | 'primary' | 'secondary' | 'swapped';

/** The tenant's payment methods with their roles; billing and above add, re-rank and remove them. */
export function PaymentMethodsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages } = useI18n();
  const tenant = useTenant();
  const t = messages.paymentMethods;
  const canChange = tenant.role === 'owner' || tenant.role === 'admin' || tenant.role === 'billing';
  const list = useQuery(trpc.paymentMethods.list.queryOptions());
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<PaymentMethodView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.paymentMethods.list.queryKey() });
  const done = (what: Done) => () => {
    setNotice(t.done[what]);
    setRemoving(null);
    setAdding(false);
    return refresh();
  };
  const makePrimary = useMutation(trpc.paymentMethods.makePrimary.mutationOptions({ onSuccess: done('primary') }));
  const makeSecondary = useMutation(trpc.paymentMethods.makeSecondary.mutationOptions({ onSuccess: done('secondary') }));
  const swap = useMutation(trpc.paymentMethods.swapPrimary.mutationOptions({ onSuccess: done('swapped') }));
  const remove = useMutation(trpc.paymentMethods.remove.mutationOptions({ onSuccess: done('removed') }));
  const roleError = makePrimary.error ?? makeSecondary.error ?? swap.error;
  const busy = makePrimary.isPending || makeSecondary.isPending || swap.isPending;

  const header = <PageHeader title={t.title} description={t.description} actions={canChange ? <Button onClick={() => setAdding(true)}>{t.add}</Button> : undefined} />;
  if (list.isPending) return <div className="cf-stack-lg">{header}<LoadingState label={messages.common.loading} /></div>;
  if (list.isError) return <div className="cf-stack-lg">{header}<ErrorState title={messages.common.error} message={list.error.message} onRetry={() => list.refetch()} retryLabel={messages.common.retry} /></div>;

  const methods = list.data.methods;
  const bothSlotsFilled = methods.some((m) => m.role === 'primary') && methods.some((m) => m.role === 'secondary');
  const label = (m: PaymentMethodView) => `${m.kind === 'card' ? (m.brand ?? t.kinds.card).toUpperCase() : t.kinds[m.kind]}${m.last4 ? ` •••• ${m.last4}` : ''}`;
  const removeError = remove.error?.data?.reason === 'LAST_PAYMENT_METHOD_FOR_OPEN_INVOICE' ? t.lastMethodForOpenInvoice : remove.error?.message;
  const actions = (m: PaymentMethodView) => (!canChange ? null : (
    <div className="cf-row cf-row-end">
      {m.role !== 'primary' ? <Button size="sm" variant="secondary" disabled={busy} onClick={() => makePrimary.mutate({ name: m.name })}>{t.makePrimary}</Button> : null}
      {m.role !== 'secondary' ? <Button size="sm" variant="secondary" disabled={busy} onClick={() => makeSecondary.mutate({ name: m.name })}>{t.makeSecondary}</Button> : null}
      {m.role === 'primary' && bothSlotsFilled ? <Button size="sm" variant="secondary" disabled={busy} onClick={() => swap.mutate({ name: m.name })}>{t.swap}</Button> : null}
      <Button size="sm" variant="ghost" onClick={() => { remove.reset(); setRemoving(m); }}>{t.remove}</Button>
    </div>
  ));
  return (
    <div className="cf-stack-lg">
      {header}
      {!canChange ? <Alert tone="info">{t.viewerNote}</Alert> : null}
      {notice ? <div role="status"><Alert tone="success">{notice}</Alert></div> : null}
      {roleError ? <Alert tone="danger">{roleError.message}</Alert> : null}
      <Card flush>
        <DataTable
          caption={t.title}
          rows={methods}
          rowKey={(m) => m.id}
          empty={<EmptyState title={t.empty} description={t.emptyHint} />}
          columns={[
            { key: 'method', header: t.columns.method, cell: (m) => <div><strong data-testid="payment-method-label">{label(m)}</strong><div className="cf-muted cf-small cf-mono">{m.name}</div></div> },
            { key: 'holder', header: t.columns.holder, cell: (m) => m.holder ?? t.noExpiry },
            {
              key: 'expiry', header: t.columns.expiry,
              cell: (m) => (m.expMonth && m.expYear ? <span>{`${String(m.expMonth).padStart(2, '0')}/${m.expYear}`}{m.expired ? <> <Badge tone="danger">{t.expired}</Badge></> : null}</span> : t.noExpiry),
            },
            { key: 'role', header: t.columns.role, cell: (m) => <Badge tone={ROLE_TONE[m.role]}><span data-testid={`payment-method-role-${m.name}`}>{t.roles[m.role]}</span></Badge> },
            { key: 'actions', header: t.columns.actions, align: 'right', cell: actions },
          ]}
        />
      </Card>
      <Dialog open={adding} onClose={() => setAdding(false)} title={t.form.title} closeLabel={messages.common.close}>
        <AddMethodForm onAdded={done('added')} onCancel={() => setAdding(false)} hasPrimary={methods.some((m) => m.role === 'primary')} />
      </Dialog>
      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing ? t.confirmRemove(label(removing)) : ''}
        closeLabel={messages.common.close}
        footer={<>
          <Button variant="secondary" onClick={() => setRemoving(null)}>{messages.common.cancel}</Button>
          <Button variant="danger" loading={remove.isPending} onClick={() => removing && remove.mutate({ name: removing.name })}>{t.remove}</Button>
        </>}
      >
        <p>{t.removeIntro}</p>
        {removeError ? <Alert tone="danger"><span data-testid="remove-error">{removeError}</span></Alert> : null}
      </Dialog>
    </div>
  );
}
