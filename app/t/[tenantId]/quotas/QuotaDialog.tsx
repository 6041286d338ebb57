'use client';

import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Dialog, Field, Input, Select } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';

type Limit = { resourceType: string; maximum: string };
export type QuotaDraft = {
  namespace: string; name: string; description: string; labels: Record<string, string>; enforcement: 'hard' | 'soft';
  appId: string | null; disabled: boolean; resourceLimits: Limit[]; objectLimits: { kind: 'api_keys' | 'apps' | 'namespaces'; maximum: number }[];
};
export type QuotaChoices = { namespaces: { name: string }[]; resourceTypes: { resourceType: string; name: string; nameZh: string; unitName: string }[]; apps: { id: string; name: string }[] };

export const emptyDraft = (namespace: string, resourceType: string): QuotaDraft => ({
  namespace, name: '', description: '', labels: {}, enforcement: 'hard', appId: null, disabled: false, resourceLimits: [{ resourceType, maximum: '' }], objectLimits: [],
});

/**
 * Create or edit a quota through `quotas.create` / `quotas.update` (the same F5 domain functions
 * as the REST API). Editing keeps what the form does not show (description, labels, object limits).
 */
export function QuotaDialog({ draft, editing, choices, onClose }: { draft: QuotaDraft; editing: boolean; choices: QuotaChoices; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages, locale } = useI18n();
  const t = messages.quotas;
  const [form, setForm] = useState(draft);
  const done = {
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.quotas.list.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.usageDashboard.quotaBars.queryKey() })]);
      onClose();
    },
  };
  const create = useMutation(trpc.quotas.create.mutationOptions(done));
  const update = useMutation(trpc.quotas.update.mutationOptions(done));
  const saving = editing ? update : create;
  const setLimit = (index: number, patch: Partial<Limit>) => setForm({ ...form, resourceLimits: form.resourceLimits.map((l, i) => (i === index ? { ...l, ...patch } : l)) });
  const unused = choices.resourceTypes.find((r) => !form.resourceLimits.some((l) => l.resourceType === r.resourceType));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    saving.mutate({ ...form, resourceLimits: form.resourceLimits.map((l) => ({ resourceType: l.resourceType, maximum: l.maximum.trim() })) });
  };
  return (
    <Dialog open onClose={onClose} title={editing ? t.edit : t.create} closeLabel={messages.common.close} size="lg">
      <form className="cf-form" onSubmit={submit}>
        {saving.error ? <Alert tone="danger">{saving.error.message}</Alert> : null}
        <Field label={t.namespace} htmlFor="quota-namespace">
          <Select id="quota-namespace" value={form.namespace} disabled={editing} onChange={(e) => setForm({ ...form, namespace: e.target.value })}>
            {choices.namespaces.map((n) => <option key={n.name} value={n.name}>{n.name}</option>)}
          </Select>
        </Field>
        <Field label={t.name} htmlFor="quota-name" hint={t.nameHint}>
          <Input id="quota-name" required maxLength={63} pattern="[a-z0-9]([\-a-z0-9]*[a-z0-9])?" value={form.name} disabled={editing} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label={t.enforcement} htmlFor="quota-enforcement" hint={t.enforcementHint}>
          <Select id="quota-enforcement" value={form.enforcement} onChange={(e) => setForm({ ...form, enforcement: e.target.value as 'hard' | 'soft' })}>
            <option value="hard">{messages.usage.enforcement.hard}</option>
            <option value="soft">{messages.usage.enforcement.soft}</option>
          </Select>
        </Field>
        <Field label={t.app} htmlFor="quota-app">
          <Select id="quota-app" value={form.appId ?? ''} onChange={(e) => setForm({ ...form, appId: e.target.value || null })}>
            <option value="">{t.allApps}</option>
            {choices.apps.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </Select>
        </Field>
        <fieldset className="cf-stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="cf-label">{t.limits}</legend>
          {form.resourceLimits.map((limit, index) => (
            <div key={index} className="cf-row" style={{ alignItems: 'flex-end', flexWrap: 'wrap' }}>
              <Field label={t.resource} htmlFor={`quota-resource-${index}`}>
                <Select id={`quota-resource-${index}`} value={limit.resourceType} onChange={(e) => setLimit(index, { resourceType: e.target.value })}>
                  {choices.resourceTypes.map((r) => <option key={r.resourceType} value={r.resourceType}>{locale === 'zh-CN' ? r.nameZh : r.name} ({r.unitName})</option>)}
                </Select>
              </Field>
              <Field label={t.maximum} htmlFor={`quota-maximum-${index}`}>
                <Input id={`quota-maximum-${index}`} required inputMode="decimal" pattern="\d{1,15}(\.\d{1,6})?" value={limit.maximum} onChange={(e) => setLimit(index, { maximum: e.target.value })} />
              </Field>
              {form.resourceLimits.length > 1 ? (
                <Button variant="ghost" size="sm" onClick={() => setForm({ ...form, resourceLimits: form.resourceLimits.filter((_, i) => i !== index) })}>{t.removeLimit}</Button>
              ) : null}
            </div>
          ))}
          {unused ? <div><Button variant="secondary" size="sm" onClick={() => setForm({ ...form, resourceLimits: [...form.resourceLimits, { resourceType: unused.resourceType, maximum: '' }] })}>{t.addLimit}</Button></div> : null}
        </fieldset>
        <Checkbox label={t.disabled} checked={form.disabled} onChange={(e) => setForm({ ...form, disabled: e.target.checked })} />
        <div className="cf-row cf-row-end">
          <Button variant="secondary" onClick={onClose}>{messages.common.cancel}</Button>
          <Button type="submit" loading={saving.isPending}>{t.save}</Button>
        </div>
      </form>
    </Dialog>
  );
}
