'use client';

import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Field, Input, Select, Textarea } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDateTime } from '@/components/portal/format';
import { billingProfileInput, INVOICE_LANGUAGES, type BillingProfileFormValues, type BillingProfileView } from '@/server/billing-profile/schema';
import type { Messages } from '@/messages/zh-CN';

type FieldName = keyof BillingProfileFormValues;
type FieldErrors = Partial<Record<FieldName, string>>;
const EDITORS = new Set(['owner', 'admin', 'billing']);

/** Each field's problem in the person's language; the same schema the server applies decides what is wrong. */
function fieldErrors(values: BillingProfileFormValues, t: Messages['billingProfile']): FieldErrors {
  const parsed = billingProfileInput.safeParse(values);
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as FieldName;
    if (errors[field]) continue;
    if (field === 'companyName') errors.companyName = issue.code === 'too_big' ? t.errors.companyNameTooLong : t.errors.companyNameRequired;
    if (field === 'taxId') errors.taxId = t.errors.taxIdInvalid;
    if (field === 'address') errors.address = t.errors.addressTooLong;
    if (field === 'invoiceEmail') errors.invoiceEmail = t.errors.invoiceEmailInvalid;
  }
  return errors;
}

const formValues = (profile: BillingProfileView): BillingProfileFormValues => ({
  companyName: profile.companyName, taxId: profile.taxId ?? '', address: profile.address ?? '', invoiceEmail: profile.invoiceEmail ?? '', invoiceLanguage: profile.invoiceLanguage,
});

export function BillingProfileForm({ profile }: { profile: BillingProfileView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.billingProfile;
  const editable = EDITORS.has(tenant.role);
  const [values, setValues] = useState<BillingProfileFormValues>(() => formValues(profile));
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation(trpc.billingProfile.update.mutationOptions({
    onSuccess: (saved) => {
      queryClient.setQueryData(trpc.billingProfile.get.queryKey(), saved);
      setValues(formValues(saved)); // as stored: trimmed, the tax id upper-cased, the email lower-cased
    },
  }));
  const set = (field: FieldName) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = fieldErrors(values, t);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(values);
  };

  const invalid = Object.keys(errors).length > 0;
  return (
    <form className="cf-form" onSubmit={submit} noValidate aria-describedby="billing-profile-status">
      <div id="billing-profile-status" className="cf-stack-sm">
        {!editable ? <Alert tone="info">{t.readOnly}</Alert> : null}
        {invalid ? <Alert tone="danger">{t.invalid}</Alert> : null}
        {save.error ? <Alert tone="danger">{save.error.message}</Alert> : null}
        {save.isSuccess ? <Alert tone="success">{t.saved}</Alert> : null}
        {!profile.saved ? <p className="cf-small">{t.notSaved}</p> : null}
        {profile.updatedAt ? <p className="cf-small">{`${t.lastSaved}: ${formatDateTime(profile.updatedAt, locale, tenant.billingTimezone)}`}</p> : null}
      </div>
      <Field label={t.companyName} htmlFor="bp-company" required error={errors.companyName}>
        <Input id="bp-company" name="companyName" required maxLength={200} autoComplete="organization" value={values.companyName} onChange={set('companyName')} disabled={!editable} />
      </Field>
      <Field label={t.taxId} htmlFor="bp-tax-id" hint={t.taxIdHint} error={errors.taxId}>
        <Input id="bp-tax-id" name="taxId" maxLength={64} className="cf-mono" value={values.taxId} onChange={set('taxId')} disabled={!editable} />
      </Field>
      <Field label={t.address} htmlFor="bp-address" error={errors.address}>
        <Textarea id="bp-address" name="address" rows={3} maxLength={500} autoComplete="street-address" value={values.address} onChange={set('address')} disabled={!editable} />
      </Field>
      <Field label={t.invoiceEmail} htmlFor="bp-email" hint={t.invoiceEmailHint} error={errors.invoiceEmail}>
        <Input id="bp-email" name="invoiceEmail" type="email" maxLength={320} autoComplete="email" value={values.invoiceEmail} onChange={set('invoiceEmail')} disabled={!editable} />
      </Field>
      <Field label={t.invoiceLanguage} htmlFor="bp-language">
        <Select id="bp-language" name="invoiceLanguage" value={values.invoiceLanguage} onChange={set('invoiceLanguage')} disabled={!editable}>
          {INVOICE_LANGUAGES.map((language) => <option key={language} value={language} lang={language}>{t.languages[language]}</option>)}
        </Select>
      </Field>
      {editable ? (
        <div className="cf-row cf-row-end">
          <Button type="submit" loading={save.isPending}>{t.save}</Button>
        </div>
      ) : null}
    </form>
  );
}
