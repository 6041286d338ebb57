'use client';

import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Dialog, Field, Input, Select } from '@/components/ui';
import { useI18n } from '@/components/providers/i18n';
import type { AlertList, AlertView } from '@/server/alerts/schema';

export type AlertFormValues = {
  name: string;
  resourceType: string;
  appId: string | null;
  thresholdPercent: number | null;
  thresholdAmount: string | null;
  thresholdSpend: string | null;
  channels: ('email' | 'in_app')[];
  status: 'active' | 'paused';
};

type Props = {
  open: boolean;
  editing: AlertView | null;
  options: Pick<AlertList, 'resourceTypes' | 'apps'>;
  /** The tenant's currency, which a spend threshold is in. */
  currency: string;
  pending: boolean;
  serverError: string | null;
  onClose: () => void;
  onSubmit: (values: AlertFormValues) => void;
};

const PERCENT = /^\d{1,4}$/;
const AMOUNT = /^\d{1,21}(\.\d{1,9})?$/;

/** Create or edit one alert: checked here for quick feedback, and again by the server's zod schema. */
export function AlertForm({ open, editing, options, currency, pending, serverError, onClose, onSubmit }: Props) {
  const { messages, locale } = useI18n();
  const t = messages.alerts.form;
  const id = useId();
  const [name, setName] = useState(editing?.name ?? '');
  const [resourceType, setResourceType] = useState(editing?.resourceType ?? options.resourceTypes[0]?.resourceType ?? '');
  const [appId, setAppId] = useState(editing?.appId ?? '');
  const [percent, setPercent] = useState(editing ? (editing.thresholdPercent?.toString() ?? '') : '80');
  const [amount, setAmount] = useState(editing?.thresholdAmount ?? '');
  const [spend, setSpend] = useState(editing?.thresholdSpend ?? '');
  const [channels, setChannels] = useState<('email' | 'in_app')[]>(editing?.channels ?? ['email', 'in_app']);
  const [status, setStatus] = useState<'active' | 'paused'>(editing?.status ?? 'active');
  const [error, setError] = useState<string | null>(null);

  const toggle = (channel: 'email' | 'in_app', on: boolean) =>
    setChannels((current) => (on ? [...new Set([...current, channel])] : current.filter((c) => c !== channel)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const p = percent.trim();
    const a = amount.trim();
    const m = spend.trim();
    if (p === '' && a === '' && m === '') return setError(t.needThreshold);
    if (p !== '' && (!PERCENT.test(p) || Number(p) < 1 || Number(p) > 1000)) return setError(t.badPercent);
    if (a !== '' && !AMOUNT.test(a)) return setError(t.badAmount);
    if (m !== '' && !AMOUNT.test(m)) return setError(t.badSpend);
    if (channels.length === 0) return setError(t.needChannel);
    setError(null);
    onSubmit({ name: name.trim(), resourceType, appId: appId || null, thresholdPercent: p === '' ? null : Number(p), thresholdAmount: a === '' ? null : a, thresholdSpend: m === '' ? null : m, channels, status });
  };

  const shown = error ?? serverError;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={editing ? t.editTitle : t.createTitle}
      closeLabel={messages.common.close}
      footer={<>
        <Button variant="secondary" type="button" onClick={onClose}>{messages.common.cancel}</Button>
        <Button type="submit" form={`${id}-form`} loading={pending}>{messages.alerts.save}</Button>
      </>}
    >
      <form id={`${id}-form`} className="cf-stack" onSubmit={submit} noValidate>
        <Field label={t.name} htmlFor={`${id}-name`} required>
          <Input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </Field>
        <Field label={t.resource} htmlFor={`${id}-resource`} required>
          <Select id={`${id}-resource`} value={resourceType} onChange={(e) => setResourceType(e.target.value)}>
            {options.resourceTypes.map((r) => <option key={r.resourceType} value={r.resourceType}>{locale === 'zh-CN' ? r.nameZh : r.name} ({r.unitName})</option>)}
          </Select>
        </Field>
        <Field label={t.app} htmlFor={`${id}-app`}>
          <Select id={`${id}-app`} value={appId} onChange={(e) => setAppId(e.target.value)}>
            <option value="">{messages.alerts.allApps}</option>
            {options.apps.map((app) => <option key={app.id} value={app.id}>{app.name}</option>)}
          </Select>
        </Field>
        <Field label={t.percent} htmlFor={`${id}-percent`} hint={t.percentHint}>
          <Input id={`${id}-percent`} inputMode="numeric" value={percent} onChange={(e) => setPercent(e.target.value)} />
        </Field>
        <Field label={t.amount} htmlFor={`${id}-amount`} hint={t.amountHint}>
          <Input id={`${id}-amount`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field label={t.spend(currency)} htmlFor={`${id}-spend`} hint={t.spendHint}>
          <Input id={`${id}-spend`} inputMode="decimal" value={spend} onChange={(e) => setSpend(e.target.value)} />
        </Field>
        <fieldset className="cf-stack">
          <legend className="cf-label">{t.channels}</legend>
          <Checkbox label={messages.alerts.channelNames.email} checked={channels.includes('email')} onChange={(e) => toggle('email', e.target.checked)} />
          <Checkbox label={messages.alerts.channelNames.in_app} checked={channels.includes('in_app')} onChange={(e) => toggle('in_app', e.target.checked)} />
        </fieldset>
        {editing ? (
          <Field label={t.status} htmlFor={`${id}-status`}>
            <Select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as 'active' | 'paused')}>
              <option value="active">{messages.alerts.statuses.active}</option>
              <option value="paused">{messages.alerts.statuses.paused}</option>
            </Select>
          </Field>
        ) : null}
        {shown ? <Alert tone="danger">{shown}</Alert> : null}
      </form>
    </Dialog>
  );
}
