'use client';

import type { FormEvent } from 'react';
import { Button, Field, Input, Select } from '@/components/ui';
import { useI18n } from '@/components/providers/i18n';
import type { InvoiceFilter } from '@/server/invoices/schema';

export type AppOption = { id: string; name: string };

const NAMES = ['status', 'type', 'appId', 'from', 'to'] as const;

/** The filters as a query string (blank ones left out): the page's URL and the CSV link share it. */
export function filterQuery(filters: InvoiceFilter, extra: Record<string, string> = {}): string {
  const entries = [...NAMES.map((name) => [name, filters[name]] as const), ...Object.entries(extra)].filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  return new URLSearchParams(entries).toString();
}

/** Status, type, app and issue dates; applied on submit (one navigation per change of mind, not per keystroke). */
export function InvoiceFilters({ filters, apps, onApply }: { filters: InvoiceFilter; apps: AppOption[]; onApply: (filters: Record<string, string>) => void }) {
  const { messages } = useI18n();
  const t = messages.invoices;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onApply(Object.fromEntries(NAMES.map((name) => [name, String(form.get(name) ?? '').trim()]).filter(([, value]) => value !== '')));
  };
  return (
    // Keyed by the applied filters, so Reset and the back button show what the URL says.
    <form key={filterQuery(filters)} className="cf-form" aria-label={t.filters} onSubmit={submit} data-testid="invoice-filters">
      <div className="cf-grid">
        <Field label={t.status} htmlFor="invoice-status">
          <Select id="invoice-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t.allStatuses}</option>
            {Object.entries(messages.recordStatus).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </Select>
        </Field>
        <Field label={t.type} htmlFor="invoice-type">
          <Select id="invoice-type" name="type" defaultValue={filters.type ?? ''}>
            <option value="">{t.allTypes}</option>
            {Object.entries(messages.recordType).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </Select>
        </Field>
        <Field label={t.app} htmlFor="invoice-app">
          <Select id="invoice-app" name="appId" defaultValue={filters.appId ?? ''}>
            <option value="">{t.allApps}</option>
            {apps.map((app) => <option key={app.id} value={app.id}>{app.name}</option>)}
          </Select>
        </Field>
        <Field label={t.from} htmlFor="invoice-from"><Input id="invoice-from" name="from" type="date" defaultValue={filters.from ?? ''} /></Field>
        <Field label={t.to} htmlFor="invoice-to"><Input id="invoice-to" name="to" type="date" defaultValue={filters.to ?? ''} /></Field>
      </div>
      <div className="cf-row">
        <Button type="submit">{t.apply}</Button>
        <Button type="button" variant="secondary" onClick={() => onApply({})}>{t.reset}</Button>
      </div>
    </form>
  );
}
