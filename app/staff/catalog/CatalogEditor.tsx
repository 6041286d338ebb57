'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Checkbox, ErrorState, Input, LoadingState, PageHeader, Select } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/app-router';

type StaffPlan = inferRouterOutputs<AppRouter>['staff']['catalog']['plans'][number];

/** Staff admins edit prices, included units and proration settings; a plan in use gets a new version. */
export function CatalogEditor() {
  const trpc = useTRPC();
  const { messages } = useI18n();
  const t = messages.plans.staffCatalog;
  const plans = useQuery(trpc.staff.catalog.plans.queryOptions());
  return (
    <div className="cf-stack-lg">
      <PageHeader title={t.title} description={t.description} />
      {plans.isPending ? <LoadingState label={messages.common.loading} /> : plans.isError ? (
        <ErrorState title={messages.common.error} message={plans.error.message} onRetry={() => plans.refetch()} retryLabel={messages.common.retry} />
      ) : plans.data.map((plan) => <PlanEditor key={`${plan.code}-${plan.version}`} plan={plan} />)}
    </div>
  );
}

function PlanEditor({ plan }: { plan: StaffPlan }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages } = useI18n();
  const t = messages.plans.staffCatalog;
  const [prices, setPrices] = useState(() => Object.fromEntries(plan.prices.map((p) => [p.currency, { monthly: p.monthly, yearly: p.yearly ?? '' }])));
  const [included, setIncluded] = useState(() => Object.fromEntries(plan.entitlements.map((e) => [e.resourceType, e.includedUnits])));
  const [approval, setApproval] = useState(plan.requiresManualApproval);
  const [upgrade, setUpgrade] = useState(plan.upgradeProration);
  const [downgrade, setDowngrade] = useState(plan.downgradeProration);
  const save = useMutation(trpc.staff.catalog.editPlan.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.staff.catalog.plans.queryKey() }) }));
  const id = (what: string) => `plan-${plan.code}-${what}`;
  return (
    <Card title={`${plan.name} · ${plan.nameZh}`} description={`${t.version} ${plan.version} · ${t.subscribers}: ${plan.subscribers}`}
      actions={plan.requiresManualApproval ? <Badge tone="warning">{t.requiresApproval}</Badge> : undefined}>
      <form className="cf-stack" data-testid={`catalog-${plan.code}`} onSubmit={(event) => {
        event.preventDefault();
        save.mutate({
          code: plan.code, requiresManualApproval: approval, upgradeProration: upgrade, downgradeProration: downgrade,
          prices: Object.fromEntries(Object.entries(prices).map(([c, p]) => [c, { monthly: p.monthly.trim(), yearly: p.yearly.trim() === '' ? null : p.yearly.trim() }])),
          entitlements: plan.entitlements.map((e) => ({ resourceType: e.resourceType, includedUnits: (included[e.resourceType] ?? e.includedUnits).trim(), quotaLimit: e.quotaLimit })),
        });
      }}>
        <div className="cf-grid">
          {Object.entries(prices).map(([currency, p]) => (
            <fieldset key={currency} className="cf-stack-sm">
              <legend>{t.currency}: {currency}</legend>
              <label htmlFor={id(`${currency}-monthly`)}>{t.monthly}</label>
              <Input id={id(`${currency}-monthly`)} inputMode="decimal" value={p.monthly} onChange={(e) => setPrices({ ...prices, [currency]: { ...p, monthly: e.target.value } })} />
              <label htmlFor={id(`${currency}-yearly`)}>{t.yearly}</label>
              <Input id={id(`${currency}-yearly`)} inputMode="decimal" value={p.yearly} onChange={(e) => setPrices({ ...prices, [currency]: { ...p, yearly: e.target.value } })} />
            </fieldset>
          ))}
          <fieldset className="cf-stack-sm">
            <legend>{t.included}</legend>
            {plan.entitlements.map((e) => (
              <div key={e.resourceType} className="cf-stack-sm">
                <label htmlFor={id(`ent-${e.resourceType}`)}>{e.resourceType}</label>
                <Input id={id(`ent-${e.resourceType}`)} inputMode="decimal" value={included[e.resourceType] ?? ''} onChange={(ev) => setIncluded({ ...included, [e.resourceType]: ev.target.value })} />
              </div>
            ))}
          </fieldset>
          <fieldset className="cf-stack-sm">
            <legend>{t.upgrade} / {t.downgrade}</legend>
            <label htmlFor={id('upgrade')}>{t.upgrade}</label>
            <Select id={id('upgrade')} value={upgrade} onChange={(e) => setUpgrade(e.target.value as typeof upgrade)}>
              <option value="prorate_now">{messages.plans.quote.mode.prorate_now}</option>
              <option value="at_renewal">{messages.plans.quote.mode.at_renewal}</option>
            </Select>
            <label htmlFor={id('downgrade')}>{t.downgrade}</label>
            <Select id={id('downgrade')} value={downgrade} onChange={(e) => setDowngrade(e.target.value as typeof downgrade)}>
              <option value="at_period_end">{messages.plans.quote.mode.at_period_end}</option>
              <option value="prorate_now_credit">{messages.plans.quote.mode.prorate_now_credit}</option>
            </Select>
            <Checkbox label={t.requiresApproval} checked={approval} onChange={(e) => setApproval(e.target.checked)} />
          </fieldset>
        </div>
        {save.isError && <Alert tone="danger">{save.error.message}</Alert>}
        {save.isSuccess && <Alert tone="success">{t.saved} · {t.version} {save.data.version}</Alert>}
        <div className="cf-row cf-row-end"><Button type="submit" loading={save.isPending}>{t.save}</Button></div>
      </form>
    </Card>
  );
}
