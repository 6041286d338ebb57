'use client';

import { useId, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Dialog, Field, Select, Textarea } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';

const DURATIONS = [15, 30, 60, 120, 240] as const;
const REASON_MIN = 10;
const REASON_MAX = 500;

/** "Impersonate" on a staff tenant row: asks for a reason and a time limit, then opens the tenant's portal. */
export function ImpersonateButton({ tenantId, tenantName }: { tenantId: string; tenantName: string }) {
  const trpc = useTRPC();
  const { messages } = useI18n();
  const t = messages.impersonation;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState<number>(30);
  const reasonId = useId();
  const durationId = useId();
  const start = useMutation(trpc.staff.impersonation.start.mutationOptions({ onSuccess: (started) => window.location.assign(`/t/${started.tenantId}`) }));
  const trimmed = reason.trim().length;
  const valid = trimmed >= REASON_MIN && trimmed <= REASON_MAX;
  const label = (n: number) => (n % 60 === 0 && n >= 60 ? t.hours.replace('{n}', String(n / 60)) : t.minutes.replace('{n}', String(n)));
  return (
    <>
      <Button variant="secondary" size="sm" aria-label={`${t.action}: ${tenantName}`} onClick={() => setOpen(true)}>{t.action}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`${t.dialogTitle}: ${tenantName}`} description={t.dialogDescription} closeLabel={t.cancel}
        footer={<>
          <Button variant="secondary" onClick={() => setOpen(false)}>{t.cancel}</Button>
          <Button type="submit" form={`${reasonId}-form`} disabled={!valid} loading={start.isPending}>{t.start}</Button>
        </>}>
        <form id={`${reasonId}-form`} className="cf-stack" onSubmit={(event) => { event.preventDefault(); if (valid) start.mutate({ tenantId, reason: reason.trim(), minutes }); }}>
          {start.isError ? <Alert tone="danger">{start.error.message}</Alert> : null}
          <Field label={t.reason} htmlFor={reasonId} hint={t.reasonHint} required>
            <Textarea id={reasonId} required minLength={REASON_MIN} maxLength={REASON_MAX} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
          </Field>
          <Field label={t.duration} htmlFor={durationId}>
            <Select id={durationId} value={minutes} onChange={(event) => setMinutes(Number(event.target.value))}>
              {DURATIONS.map((n) => <option key={n} value={n}>{label(n)}</option>)}
            </Select>
          </Field>
        </form>
      </Dialog>
    </>
  );
}

/** On the console after an impersonation was stopped or expired (`?impersonation=ended`). */
export function ImpersonationEndedNotice() {
  const ended = useSearchParams().get('impersonation') === 'ended';
  const t = useI18n().messages.impersonation;
  return ended ? <Alert tone="info">{t.ended}</Alert> : null;
}
