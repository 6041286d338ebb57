'use client';

import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, Field, Input, Select } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';

/** Finance staff only (the page renders it for finance and admin; `staff.credits.adjust` checks again). The amount stays a decimal string. */
export function AdjustCreditDialog({ tenantId, currency }: { tenantId: string; currency: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages } = useI18n();
  const t = messages.staffConsole;
  const [open, setOpen] = useState(false);
  const adjust = useMutation(trpc.staff.credits.adjust.mutationOptions({
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.staff.tenant.get.queryKey({ tenantId }) });
      await queryClient.invalidateQueries({ queryKey: trpc.staff.audit.list.infiniteQueryKey() });
      setOpen(false);
    },
  }));
  const close = () => { adjust.reset(); setOpen(false); };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    adjust.mutate({
      tenantId,
      direction: form.get('direction') === 'debit' ? 'debit' : 'credit',
      amount: String(form.get('amount') ?? '').trim(),
      reason: String(form.get('reason') ?? ''),
    });
  };
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} data-testid="adjust-credit">{t.adjustCredit}</Button>
      <Dialog open={open} onClose={close} title={t.adjustTitle} closeLabel={messages.common.close}>
        <form className="cf-form" onSubmit={submit}>
          {adjust.error ? <Alert tone="danger">{adjust.error.message}</Alert> : null}
          <Field label={`${t.amountLabel} (${currency})`} htmlFor="adjust-amount">
            <Input id="adjust-amount" name="amount" required inputMode="decimal" pattern="^\d+(\.\d+)?$" maxLength={40} />
          </Field>
          <Field label={t.direction} htmlFor="adjust-direction">
            <Select id="adjust-direction" name="direction" defaultValue="credit">
              <option value="credit">{t.directionCredit}</option>
              <option value="debit">{t.directionDebit}</option>
            </Select>
          </Field>
          <Field label={t.reasonLabel} htmlFor="adjust-reason" hint={t.reasonHint}>
            <Input id="adjust-reason" name="reason" required minLength={3} maxLength={500} />
          </Field>
          <div className="cf-row cf-row-end">
            <Button type="button" variant="secondary" onClick={close}>{messages.common.cancel}</Button>
            <Button type="submit" loading={adjust.isPending}>{t.submit}</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
