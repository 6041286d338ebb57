'use client';

import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Field, Input, Select } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { tokenize, type TokenizeErrorCode, type TokenizeRequest } from './sandbox-tokenizer';

type Kind = 'card' | 'alipay' | 'wechat' | 'bank';
type Role = 'normal' | 'primary' | 'secondary';
const KINDS: Kind[] = ['card', 'alipay', 'wechat', 'bank'];
const ROLES: Role[] = ['normal', 'primary', 'secondary'];
const EMPTY = { number: '', expMonth: '', expYear: '', cvc: '', holder: '', account: '', bankName: '', accountNumber: '' };
type Values = typeof EMPTY;

/** Which input a processor error points at (its `param`), so the message sits under that field. */
const FIELD_OF_PARAM: Record<string, keyof Values> = { number: 'number', exp_month: 'expMonth', exp_year: 'expYear', cvc: 'cvc', holder: 'holder', account: 'account', account_number: 'accountNumber', bank_name: 'bankName' };

function requestOf(kind: Kind, v: Values): TokenizeRequest {
  const holder = v.holder.trim() || undefined;
  if (kind === 'card') return { kind, number: v.number, exp_month: Number(v.expMonth), exp_year: Number(v.expYear), cvc: v.cvc, holder };
  if (kind === 'bank') return { kind, bank_name: v.bankName, account_number: v.accountNumber, holder: v.holder };
  return { kind, account: v.account, holder };
}

/**
 * Adds a payment method the way a processor integration does: the details go to the processor's
 * tokenize endpoint from the browser; only the token (and the chosen role) goes to the billing API.
 * The card number and CVC are cleared from the form as soon as the processor has answered.
 */
export function AddMethodForm({ onAdded, onCancel, hasPrimary }: { onAdded: () => void; onCancel: () => void; hasPrimary: boolean }) {
  const trpc = useTRPC();
  const { messages } = useI18n();
  const t = messages.paymentMethods.form;
  const [kind, setKind] = useState<Kind>('card');
  const [role, setRole] = useState<Role>(hasPrimary ? 'normal' : 'primary');
  const [values, setValues] = useState<Values>(EMPTY);
  const [error, setError] = useState<{ code: TokenizeErrorCode; field: keyof Values | null } | null>(null);
  const [tokenizing, setTokenizing] = useState(false);
  const add = useMutation(trpc.paymentMethods.add.mutationOptions({ onSuccess: onAdded }));
  const set = (field: keyof Values) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));
  const fieldError = (field: keyof Values) => (error?.field === field ? t.errors[error.code] : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setTokenizing(true);
    const result = await tokenize(requestOf(kind, values));
    setTokenizing(false);
    setValues((current) => ({ ...current, number: '', cvc: '' }));
    if (!result.ok) {
      setError({ code: result.code, field: result.param ? (FIELD_OF_PARAM[result.param] ?? null) : null });
      return;
    }
    add.mutate({ token: result.token, role });
  }

  const generalError = error && (error.field === null || (kind !== 'card' && ['number', 'expMonth', 'cvc'].includes(error.field))) ? t.errors[error.code] : null;
  return (
    <form className="cf-form" onSubmit={submit} noValidate data-testid="add-payment-method-form">
      <p className="cf-small cf-muted">{t.sandboxNote}</p>
      {generalError ? <Alert tone="danger">{generalError}</Alert> : null}
      {add.error ? <Alert tone="danger">{add.error.message}</Alert> : null}
      <Field label={t.kind} htmlFor="pm-kind">
        <Select id="pm-kind" value={kind} onChange={(event) => { setKind(event.target.value as Kind); setError(null); }}>
          {KINDS.map((k) => <option key={k} value={k}>{messages.paymentMethods.kinds[k]}</option>)}
        </Select>
      </Field>
      {kind === 'card' ? <>
        <Field label={t.cardNumber} htmlFor="pm-number" hint={t.cardNumberHint} error={fieldError('number')} required>
          <Input id="pm-number" inputMode="numeric" autoComplete="cc-number" maxLength={23} className="cf-mono" value={values.number} onChange={set('number')} required />
        </Field>
        <div className="cf-row">
          <Field label={t.expMonth} htmlFor="pm-exp-month" error={fieldError('expMonth')} required>
            <Input id="pm-exp-month" inputMode="numeric" autoComplete="cc-exp-month" maxLength={2} placeholder="MM" value={values.expMonth} onChange={set('expMonth')} required />
          </Field>
          <Field label={t.expYear} htmlFor="pm-exp-year" required>
            <Input id="pm-exp-year" inputMode="numeric" autoComplete="cc-exp-year" maxLength={4} placeholder="YYYY" value={values.expYear} onChange={set('expYear')} required />
          </Field>
          <Field label={t.cvc} htmlFor="pm-cvc" error={fieldError('cvc')} required>
            <Input id="pm-cvc" inputMode="numeric" autoComplete="cc-csc" maxLength={4} value={values.cvc} onChange={set('cvc')} required />
          </Field>
        </div>
        <Field label={t.holder} htmlFor="pm-holder">
          <Input id="pm-holder" autoComplete="cc-name" maxLength={200} value={values.holder} onChange={set('holder')} />
        </Field>
      </> : null}
      {kind === 'alipay' || kind === 'wechat' ? (
        <Field label={t.account} htmlFor="pm-account" error={fieldError('account')} required>
          <Input id="pm-account" maxLength={64} value={values.account} onChange={set('account')} required />
        </Field>
      ) : null}
      {kind === 'bank' ? <>
        <p className="cf-small">{t.bankHint}</p>
        <Field label={t.bankName} htmlFor="pm-bank-name" required>
          <Input id="pm-bank-name" maxLength={64} value={values.bankName} onChange={set('bankName')} required />
        </Field>
        <Field label={t.accountNumber} htmlFor="pm-account-number" error={fieldError('accountNumber')} required>
          <Input id="pm-account-number" inputMode="numeric" maxLength={40} className="cf-mono" value={values.accountNumber} onChange={set('accountNumber')} required />
        </Field>
        <Field label={t.accountHolder} htmlFor="pm-holder" error={fieldError('holder')} required>
          <Input id="pm-holder" maxLength={200} value={values.holder} onChange={set('holder')} required />
        </Field>
      </> : null}
      <Field label={t.role} htmlFor="pm-role" hint={t.roleHint}>
        <Select id="pm-role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {ROLES.map((r) => <option key={r} value={r}>{messages.paymentMethods.roles[r]}</option>)}
        </Select>
      </Field>
      <div className="cf-row cf-row-end">
        <Button variant="secondary" onClick={onCancel}>{t.cancel}</Button>
        <Button type="submit" loading={tokenizing || add.isPending}>{t.submit}</Button>
      </div>
    </form>
  );
}
