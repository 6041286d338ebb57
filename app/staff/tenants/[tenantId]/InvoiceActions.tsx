'use client';

import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, Field, Input, Select } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';

type Row = { id: string; invoiceNumber: string | null; status: string };
type Action = 'finalize' | 'void' | 'refund' | 'settle';

/** Which finance actions an invoice in this status offers (the server checks again: 409 otherwise). */
export function actionsFor(status: string): Action[] {
  if (status === 'draft') return ['finalize', 'void'];
  if (status === 'open' || status === 'failed') return ['settle', 'void'];
  if (status === 'paid') return ['refund'];
  return [];
}

/** After any finance action: the invoices, the tenant summary (credit) and the audit rows are stale. */
export function useInvalidateTenant(tenantId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.staff.tenant.invoices.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.staff.tenant.get.queryKey({ tenantId }) });
    await queryClient.invalidateQueries({ queryKey: trpc.staff.audit.list.infiniteQueryKey() });
  };
}

/** The action buttons of one invoice row (finance and admin only) and the dialog each opens, always asking for a reason. */
export function InvoiceActions({ tenantId, row }: { tenantId: string; row: Row }) {
  const trpc = useTRPC();
  const { messages } = useI18n();
  const t = messages.staffConsole;
  const invalidate = useInvalidateTenant(tenantId);
  const [action, setAction] = useState<Action | null>(null);
  const options = { onSuccess: async () => { await invalidate(); setAction(null); } };
  const finalize = useMutation(trpc.staff.invoices.finalize.mutationOptions(options));
  const voidIt = useMutation(trpc.staff.invoices.void.mutationOptions(options));
  const refund = useMutation(trpc.staff.invoices.refund.mutationOptions(options));
  const settle = useMutation(trpc.staff.invoices.settle.mutationOptions(options));
  const mutation = { finalize, void: voidIt, refund, settle }[action ?? 'finalize'];
  const label = { finalize: t.finalize, void: t.voidInvoice, refund: t.refund, settle: t.settle };
  const title = { finalize: t.finalizeTitle, void: t.voidTitle, refund: t.refundTitle, settle: t.settleTitle };
  const hint = { finalize: t.finalizeHint, void: t.voidHint, refund: t.refundHint, settle: undefined };
  const name = row.invoiceNumber ?? row.id;
  const close = () => { mutation.reset(); setAction(null); };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ref = { tenantId, invoiceId: row.id };
    const reason = String(form.get('reason') ?? '');
    if (action === 'finalize') finalize.mutate(ref);
    if (action === 'void') voidIt.mutate({ ...ref, reason });
    if (action === 'refund') refund.mutate({ ...ref, reason, to: form.get('to') === 'credit' ? 'credit' : 'card' });
    if (action === 'settle') settle.mutate({ ...ref, reason, reference: String(form.get('reference') ?? '').trim() });
  };
  const available = actionsFor(row.status);
  if (available.length === 0) return null;
  return (
    <div className="cf-row">
      {available.map((a) => (
        <Button key={a} size="sm" variant={a === 'void' || a === 'refund' ? 'danger' : 'secondary'} onClick={() => setAction(a)} aria-label={`${label[a]} ${name}`} data-testid={`invoice-${a}`}>
          {label[a]}
        </Button>
      ))}
      <Dialog open={action !== null} onClose={close} title={action ? `${title[action]} · ${name}` : ''} description={action ? hint[action] : undefined} closeLabel={messages.common.close}>
        <form className="cf-form" onSubmit={submit}>
          {mutation.error ? <Alert tone="danger">{mutation.error.message}</Alert> : null}
          {action === 'refund' ? (
            <Field label={t.refundTo} htmlFor={`refund-to-${row.id}`}>
              <Select id={`refund-to-${row.id}`} name="to" defaultValue="card">
                <option value="card">{t.refundToCard}</option>
                <option value="credit">{t.refundToCredit}</option>
              </Select>
            </Field>
          ) : null}
          {action === 'settle' ? (
            <Field label={t.referenceLabel} htmlFor={`settle-reference-${row.id}`}>
              <Input id={`settle-reference-${row.id}`} name="reference" required minLength={3} maxLength={128} />
            </Field>
          ) : null}
          {action && action !== 'finalize' ? (
            <Field label={t.reasonLabel} htmlFor={`action-reason-${row.id}`} hint={t.reasonHint}>
              <Input id={`action-reason-${row.id}`} name="reason" required minLength={3} maxLength={500} />
            </Field>
          ) : null}
          <div className="cf-row cf-row-end">
            <Button type="button" variant="secondary" onClick={close}>{messages.common.cancel}</Button>
            <Button type="submit" loading={mutation.isPending} data-testid="invoice-action-confirm">{action ? label[action] : t.confirm}</Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
