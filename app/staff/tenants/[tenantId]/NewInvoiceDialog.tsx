'use client';

import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Dialog, Field, Input } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useInvalidateTenant } from './InvoiceActions';

const MAX_LINES = 20;

/** Finance drafts an adjustment invoice (lines before tax, decimal strings); it is numbered only when finalized. */
export function NewInvoiceDialog({ tenantId, currency }: { tenantId: string; currency: string }) {
  const trpc = useTRPC();
  const { messages } = useI18n();
  const t = messages.staffConsole;
  const invalidate = useInvalidateTenant(tenantId);
  const [open, setOpen] = useState(false);
  const [lines, setLines] = useState<number[]>([1]);
  const create = useMutation(trpc.staff.invoices.createDraft.mutationOptions({
    onSuccess: async () => { await invalidate(); setOpen(false); setLines([1]); },
  }));
  const close = () => { create.reset(); setOpen(false); };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? '').trim();
    create.mutate({
      tenantId,
      description: text('description'),
      lines: lines.map((n) => ({ description: text(`line-${n}-description`), quantity: text(`line-${n}-quantity`), unitPrice: text(`line-${n}-price`) })),
      reason: text('reason'),
    });
  };
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} data-testid="new-invoice">{t.newInvoice}</Button>
      <Dialog open={open} onClose={close} title={t.draftTitle} description={t.draftHint} closeLabel={messages.common.close} size="lg">
        <form className="cf-form" onSubmit={submit}>
          {create.error ? <Alert tone="danger">{create.error.message}</Alert> : null}
          <Field label={t.invoiceDescription} htmlFor="draft-description">
            <Input id="draft-description" name="description" required maxLength={500} />
          </Field>
          {lines.map((n, index) => (
            <fieldset key={n} className="cf-form">
              <legend>{t.lineLabel(index + 1)}</legend>
              <Field label={t.lineDescription} htmlFor={`line-${n}-description`}>
                <Input id={`line-${n}-description`} name={`line-${n}-description`} required maxLength={500} />
              </Field>
              <div className="cf-row">
                <Field label={t.lineQuantity} htmlFor={`line-${n}-quantity`}>
                  <Input id={`line-${n}-quantity`} name={`line-${n}-quantity`} required inputMode="decimal" pattern="^\d+(\.\d+)?$" maxLength={31} defaultValue="1" />
                </Field>
                <Field label={`${t.lineUnitPrice} (${currency})`} htmlFor={`line-${n}-price`}>
                  <Input id={`line-${n}-price`} name={`line-${n}-price`} required inputMode="decimal" pattern="^\d+(\.\d+)?$" maxLength={31} />
                </Field>
              </div>
              {lines.length > 1 ? (
                <Button type="button" variant="ghost" size="sm" onClick={() => setLines(lines.filter((m) => m !== n))} aria-label={`${t.removeLine} ${index + 1}`}>{t.removeLine}</Button>
              ) : null}
            </fieldset>
          ))}
          {lines.length < MAX_LINES ? (
            <Button type="button" variant="ghost" size="sm" onClick={() => setLines([...lines, Math.max(...lines) + 1])}>{t.addLine}</Button>
          ) : null}
          <Field label={t.reasonLabel} htmlFor="draft-reason" hint={t.reasonHint}>
            <Input id="draft-reason" name="reason" required minLength={3} maxLength={500} />
          </Field>
          <div className="cf-row cf-row-end">
            <Button type="button" variant="secondary" onClick={close}>{messages.common.cancel}</Button>
            <Button type="submit" loading={create.isPending} data-testid="save-draft">{t.saveDraft}</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
