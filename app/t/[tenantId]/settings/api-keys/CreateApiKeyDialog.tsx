'use client';

import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, CopyField, Dialog, Field, Input } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';

const SCOPES = ['read', 'write', 'ingest'] as const;

export function CreateApiKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages } = useI18n();
  const t = messages.apiKeys;
  const [scopes, setScopes] = useState<string[]>(['read']);
  const create = useMutation(trpc.apiKeys.create.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() }),
  }));

  const close = () => {
    create.reset();
    setScopes(['read']);
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = String(form.get('expiresInDays') ?? '').trim();
    create.mutate({ name: String(form.get('name') ?? ''), scopes: scopes as (typeof SCOPES)[number][], expiresInDays: days ? Number.parseInt(days, 10) : null });
  };

  if (create.data) {
    return (
      <Dialog open={open} onClose={close} title={t.createdTitle} closeLabel={messages.common.close}
        footer={<Button onClick={close}>{t.done}</Button>}>
        <div className="cf-stack">
          <Alert tone="warning">{t.createdHint}</Alert>
          <CopyField id="new-api-key" label={create.data.apiKey.name} value={create.data.key} copyLabel={messages.common.copy} copiedLabel={messages.common.copied} />
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog open={open} onClose={close} title={t.create} closeLabel={messages.common.close}>
      <form className="cf-form" onSubmit={submit}>
        {create.error ? <Alert tone="danger">{create.error.message}</Alert> : null}
        <Field label={t.name} htmlFor="api-key-name">
          <Input id="api-key-name" name="name" required maxLength={100} placeholder={t.namePlaceholder} />
        </Field>
        <fieldset className="cf-stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="cf-small">{t.scopes}</legend>
          {SCOPES.map((scope) => (
            <Checkbox key={scope} name="scopes" value={scope} label={t.scope[scope]} checked={scopes.includes(scope)}
              onChange={(event) => setScopes((current) => (event.target.checked ? [...current, scope] : current.filter((s) => s !== scope)))} />
          ))}
        </fieldset>
        <Field label={t.expiresIn} htmlFor="api-key-expires">
          <Input id="api-key-expires" name="expiresInDays" type="number" min={1} max={3650} inputMode="numeric" />
        </Field>
        <div className="cf-row cf-row-end">
          <Button variant="secondary" onClick={close}>{messages.common.cancel}</Button>
          <Button type="submit" loading={create.isPending} disabled={scopes.length === 0}>{t.create}</Button>
        </div>
      </form>
    </Dialog>
  );
}
