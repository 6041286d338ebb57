'use client';

import { useState, type FormEvent } from 'react';
import Decimal from 'decimal.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, Field, Input, Select } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { currencyDigits, formatMoney } from '@/components/portal/format';
import { refundAmountProblem } from './refund-amount';

type Row = { id: string; invoiceNumber: string | null; status: string; amount: string; refundedAmount: string; currency: string };

/** One key per opened refund dialog: a double submit or a retried request replays the first refund instead of making a second one. */
const newIdempotencyKey = () => `ui-${crypto.randomUUID()}`;
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
  const { messages, locale } = useI18n();
  const t = messages.staffConsole;
  const invalidate = useInvalidateTenant(tenantId);
  const [action, setAction] = useState<Action | null>(null);
  const [refundKey, setRefundKey] = useState(newIdempotencyKey);
  const [amountError, setAmountError] = useState<string | null>(null);
  const options = { onSuccess: async () => { await invalidate(); setAction(null); } };
  const finalize = useMutation(trpc.staff.invoices.finalize.mutationOptions(options));
  const voidIt = useMutation(trpc.staff.invoices.void.mutationOptions(options));
  // An answered error (400/409: nothing was refunded) makes the next submit a new request; a lost answer keeps the key, so resubmitting replays it.
  const refund = useMutation(trpc.staff.invoices.refund.mutationOptions({ ...options, onError: (error) => { if (error.data) setRefundKey(newIdempotencyKey()); } }));
  const settle = useMutation(trpc.staff.invoices.settle.mutationOptions(options));
  const mutation = { finalize, void: voidIt, refund, settle }[action ?? 'finalize'];
  const label = { finalize: t.finalize, void: t.voidInvoice, refund: t.refund, settle: t.settle };
  const title = { finalize: t.finalizeTitle, void: t.voidTitle, refund: t.refundTitle, settle: t.settleTitle };
  const hint = { finalize: t.finalizeHint, void: t.voidHint, refund: t.refundHint, settle: undefined };
  const name = row.invoiceNumber ?? row.id;
  const money = (value: string) => formatMoney(value, row.currency, locale);
  const remaining = new Decimal(row.amount).minus(new Decimal(row.refundedAmount)).toFixed();
  const open = (a: Action) => { if (a === 'refund') setRefundKey(newIdempotencyKey()); setAmountError(null); setAction(a); };
  const close = () => { mutation.reset(); setAmountError(null); setAction(null); };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ref = { tenantId, invoiceId: row.id };
    const reason = String(form.get('reason') ?? '');
    if (action === 'finalize') finalize.mutate(ref);
    if (action === 'void') voidIt.mutate({ ...ref, reason });
    if (action === 'refund') {
      const amount = String(form.get('amount') ?? '').trim();
      const problem = refundAmountProblem(amount, remaining, currencyDigits(row.currency));
      setAmountError(problem === null ? null : problem.kind === 'invalid' ? t.refundAmountInvalid
        : problem.kind === 'precision' ? t.refundAmountPrecision(problem.places) : t.refundAmountTooLarge(money(remaining)));
      if (problem) return;
      refund.mutate({ ...ref, reason, to: form.get('to') === 'credit' ? 'credit' : 'card', idempotencyKey: refundKey, ...(amount ? { amount } : {}) });
    }
    if (action === 'settle') settle.mutate({ ...ref, reason, reference: String(form.get('reference') ?? '').trim() });
  };
  const available = actionsFor(row.status);
  if (available.length === 0) return null;
  return (
    <div className="cf-row">
      {available.map((a) => (
        <Button key={a} size="sm" variant={a === 'void' || a === 'refund' ? 'danger' : 'secondary'} onClick={() => open(a)} aria-label={`${label[a]} ${name}`} data-testid={`invoice-${a}`}>
          {label[a]}
        </Button>
      ))}
      <Dialog open={action !== null} onClose={close} title={action ? `${title[action]} · ${name}` : ''} description={action ? hint[action] : undefined} closeLabel={messages.common.close}>
        <form className="cf-form" onSubmit={submit}>
          {mutation.error ? <Alert tone="danger">{mutation.error.message}</Alert> : null}
          {action === 'refund' ? (
            <>
              <p className="cf-small cf-muted" data-testid="refunded-so-far">{t.refundedSoFar(money(row.refundedAmount), money(row.amount))}</p>
              <Field label={t.refundTo} htmlFor={`refund-to-${row.id}`}>
                <Select id={`refund-to-${row.id}`} name="to" defaultValue="card">
                  <option value="card">{t.refundToCard}</option>
                  <option value="credit">{t.refundToCredit}</option>
                </Select>
              </Field>
              <Field label={`${t.refundAmountLabel} (${row.currency})`} htmlFor={`refund-amount-${row.id}`} hint={t.refundAmountHint(money(remaining))} error={amountError ?? undefined}>
                <Input id={`refund-amount-${row.id}`} name="amount" inputMode="decimal" maxLength={40} placeholder={remaining} data-testid="refund-amount" />
              </Field>
            </>
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
