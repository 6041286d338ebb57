'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, EmptyState, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDate, formatMoney } from '@/components/portal/format';
import { ChangePlanDialog } from './ChangePlanDialog';

type Cycle = 'monthly' | 'yearly';

export function PlansView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.plans;
  const canChange = tenant.role !== 'viewer';
  const plans = useQuery(trpc.catalog.plans.queryOptions());
  const [cycle, setCycle] = useState<Cycle | null>(null);
  const [target, setTarget] = useState<{ code: string; name: string; cycle: Cycle } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.catalog.plans.queryKey() });
  const cancel = useMutation(trpc.planTransitions.cancelScheduled.mutationOptions({ onSuccess: () => { setNotice(t.canceled); return refresh(); } }));

  const header = <PageHeader title={t.title} description={t.description} />;
  if (plans.isPending) return <div className="cf-stack-lg">{header}<LoadingState label={messages.common.loading} /></div>;
  if (plans.isError) return <div className="cf-stack-lg">{header}<ErrorState title={messages.common.error} message={plans.error.message} onRetry={() => plans.refetch()} retryLabel={messages.common.retry} /></div>;
  const data = plans.data;
  if (data.plans.length === 0) return <div className="cf-stack-lg">{header}<EmptyState title={t.empty} /></div>;
  const shown: Cycle = cycle ?? data.currentCycle ?? 'monthly';
  const money = (amount: string) => formatMoney(amount, data.currency, locale);
  const nameOf = (code: string) => data.plans.find((p) => p.code === code)?.name ?? code;
  const last = data.lastChange;
  // On the other cycle's view, the current plan is a change too (of cycle); a price not sold on that cycle is not.
  const otherCycle = Boolean(data.currentCycle) && shown !== data.currentCycle;

  return (
    <div className="cf-stack-lg">
      {header}
      {!canChange && <Alert tone="info">{t.viewerHint}</Alert>}
      {!data.currentPlanCode && <Alert tone="warning">{t.noSubscription}</Alert>}
      {notice && <Alert tone="success"><span data-testid="plan-notice">{notice}</span></Alert>}
      {data.pending && (
        <Alert tone="info">
          <div className="cf-row cf-row-between">
            <span data-testid="pending-change">{data.pending.state === 'waiting_for_approval' ? t.pendingApproval(nameOf(data.pending.toPlanCode)) : t.pendingScheduled(nameOf(data.pending.toPlanCode), formatDate(data.pending.effectiveAt, locale, tenant.billingTimezone))}</span>
            {canChange && <Button size="sm" variant="secondary" loading={cancel.isPending} onClick={() => cancel.mutate({ transitionId: data.pending!.id })}>{t.cancelPending}</Button>}
          </div>
          {cancel.isError && <p role="alert">{cancel.error.message}</p>}
        </Alert>
      )}
      {last && (last.invoiceNumber || last.creditAmount) && (
        <Alert tone="neutral">
          <span data-testid="last-change">
            {nameOf(last.fromPlanCode)} → {nameOf(last.toPlanCode)} · {last.invoiceNumber ? `${t.prorationRecord(last.invoiceNumber)} (${money(last.invoiceAmount!)})` : `${t.quote.creditBack}: ${money(last.creditAmount!)}`}
          </span>
        </Alert>
      )}
      <div className="cf-row" role="group" aria-label={t.cycle}>
        {(['monthly', 'yearly'] as const).map((c) => (
          <Button key={c} size="sm" variant={shown === c ? 'primary' : 'secondary'} aria-pressed={shown === c} onClick={() => setCycle(c)}>{t[c]}</Button>
        ))}
      </div>
      <div className="cf-grid" data-testid="plan-grid">
        {data.plans.map((plan) => {
          const price = shown === 'yearly' ? plan.yearlyPrice : plan.monthlyPrice;
          return (
            <Card key={plan.code} title={plan.name} description={plan.subtitle} titleLevel={2}
              actions={plan.current ? <Badge tone="success">{t.current}</Badge> : plan.requiresManualApproval ? <Badge tone="warning">{t.approvalNeeded}</Badge> : undefined}>
              <div className="cf-stack" data-testid={`plan-${plan.code}`} data-current={plan.current ? 'true' : 'false'}>
                <p><strong className="cf-plan-price">{price === null ? t.notSoldYearly : money(price)}</strong>{price !== null && <span className="cf-muted"> {shown === 'yearly' ? t.perYear : t.perMonth}</span>}</p>
                {plan.trialDays > 0 && <p className="cf-small cf-muted">{t.trialDays(plan.trialDays)}</p>}
                <div>
                  <h3 className="cf-small">{t.included}</h3>
                  <ul className="cf-small">
                    {plan.entitlements.map((e) => <li key={e.resourceType}>{e.name}: {Number(e.includedUnits) === 0 && e.quotaLimit === null ? t.unlimited : `${e.includedUnits} ${e.unitName}`}</li>)}
                  </ul>
                </div>
                {canChange && data.currentPlanCode && (!plan.current || otherCycle) && price !== null && (
                  <Button variant="secondary" disabled={Boolean(data.pending)}
                    onClick={() => { setNotice(null); setTarget({ code: plan.code, name: otherCycle ? t.quote.switchCycle(plan.name, t[shown]) : plan.name, cycle: shown }); }}>{t.change}</Button>
                )}
              </div>
            </Card>
          );
        })}
      </div>
      {target && (
        <ChangePlanDialog target={target} currency={data.currency} onClose={() => setTarget(null)}
          onDone={(message) => { setTarget(null); setNotice(message); void refresh(); }} />
      )}
    </div>
  );
}
