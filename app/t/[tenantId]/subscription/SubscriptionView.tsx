'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Checkbox, Dialog, EmptyState, ErrorState, LoadingState, PageHeader, Stat } from '@/components/ui';
import type { Tone } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDate, formatMoney } from '@/components/portal/format';

const STATUS_TONE: Record<string, Tone> = { active: 'success', trialing: 'info', past_due: 'danger', grace: 'warning', suspended: 'danger', canceled: 'neutral', expired: 'neutral' };
const CHANGERS = ['owner', 'admin', 'billing'];

export function SubscriptionView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.subscription;
  const canChange = CHANGERS.includes(tenant.role);
  const current = useQuery(trpc.subscriptions.current.queryOptions());
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.subscriptions.current.queryKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.tenants.overview.queryKey() }),
  ]);
  const cancel = useMutation(trpc.subscriptions.cancel.mutationOptions({ onSuccess: () => { setConfirming(false); setNotice(t.canceled); return refresh(); } }));
  const resume = useMutation(trpc.subscriptions.resume.mutationOptions({ onSuccess: () => { setNotice(t.resumed); return refresh(); } }));
  const autoRenew = useMutation(trpc.subscriptions.setAutoRenew.mutationOptions({ onSuccess: () => refresh() }));

  const header = <PageHeader title={t.title} description={t.description} />;
  if (current.isPending) return <div className="cf-stack-lg">{header}<LoadingState label={messages.common.loading} /></div>;
  if (current.isError) {
    return <div className="cf-stack-lg">{header}<ErrorState title={messages.common.error} message={current.error.message} onRetry={() => current.refetch()} retryLabel={messages.common.retry} /></div>;
  }
  const sub = current.data.subscription;
  if (!sub) return <div className="cf-stack-lg">{header}<Card><EmptyState title={t.none} description={t.noneHint} /></Card></div>;

  const date = (value: Date | string) => formatDate(value, locale, tenant.billingTimezone);
  const name = (plan: { name: string; nameZh: string }) => (locale === 'zh-CN' ? plan.nameZh : plan.name);
  const unpaid = sub.status === 'past_due' || sub.status === 'suspended';
  const mutationError = cancel.error ?? resume.error ?? autoRenew.error;
  return (
    <div className="cf-stack-lg">
      {header}
      {!canChange ? <Alert tone="info">{t.readOnly}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {mutationError && !confirming ? <Alert tone="danger">{mutationError.message}</Alert> : null}
      {sub.status === 'past_due' ? <Alert tone="danger" title={t.grace}>{t.graceHint(sub.gracePeriodDays)}</Alert> : null}
      {sub.status === 'suspended' ? <Alert tone="danger">{t.suspendedHint}</Alert> : null}
      <div className="cf-grid">
        <Card title={t.plan}>
          <Stat
            label={name(sub.plan)}
            value={<span data-testid="subscription-price">{formatMoney(sub.amount, sub.currency, locale)} <span className="cf-muted cf-small">{sub.billingCycle === 'yearly' ? t.yearly : t.monthly}</span></span>}
            hint={<span data-testid="subscription-status"><Badge tone={STATUS_TONE[sub.status]}>{messages.subscriptionStatus[sub.status]}</Badge></span>}
          />
        </Card>
        <Card title={t.period}>
          <Stat
            label={`${date(sub.currentPeriodStart)} – ${date(sub.currentPeriodEnd)}`}
            value={<span data-testid="subscription-period-end">{date(sub.currentPeriodEnd)}</span>}
            hint={sub.status === 'trialing' && sub.trialEndDate ? `${t.trialEnds} ${date(sub.trialEndDate)}` : unpaid && sub.graceEndsAt ? `${t.graceEnds} ${date(sub.graceEndsAt)}` : undefined}
          />
        </Card>
        <Card title={t.renewal}>
          <Stat
            label={sub.cancelAtPeriodEnd || !sub.autoRenew ? t.endsOn : t.renewsOn}
            value={date(sub.currentPeriodEnd)}
            hint={<span data-testid="subscription-renewal-hint">{sub.cancelAtPeriodEnd ? t.canceledHint : !sub.autoRenew ? t.expiresHint : null}</span>}
          />
        </Card>
      </div>
      <Card title={t.autoRenew}>
        <div className="cf-stack">
          <Checkbox
            label={t.autoRenewLabel}
            checked={sub.autoRenew}
            disabled={!canChange || autoRenew.isPending || sub.cancelAtPeriodEnd}
            onChange={(event) => autoRenew.mutate({ autoRenew: event.currentTarget.checked })}
            data-testid="auto-renew"
          />
          <div className="cf-row">
            {sub.cancelAtPeriodEnd ? (
              <Button onClick={() => resume.mutate({})} loading={resume.isPending} disabled={!canChange}>{t.resume}</Button>
            ) : (
              <Button variant="danger" onClick={() => { setNotice(null); setConfirming(true); }} disabled={!canChange}>{t.cancel}</Button>
            )}
          </div>
        </div>
      </Card>
      <div className="cf-grid">
        <Card title={t.scheduledChange}>
          {sub.scheduledChange ? (
            <p data-testid="scheduled-change">
              {t.changeTo(name(sub.scheduledChange.toPlan), date(sub.scheduledChange.effectiveAt))}
              {sub.scheduledChange.state === 'waiting_for_approval' ? <> <Badge tone="warning">{t.waitingApproval}</Badge></> : null}
            </p>
          ) : <p className="cf-muted">{t.noScheduledChange}</p>}
        </Card>
        <Card title={t.addOns}>
          {sub.addOns.length > 0 ? (
            <ul className="cf-stack">{sub.addOns.map((a) => <li key={a.code}>{name(a)} <Badge tone={a.status === 'active' ? 'success' : 'neutral'}>{a.status}</Badge></li>)}</ul>
          ) : <p className="cf-muted">{t.noAddOns}</p>}
        </Card>
      </div>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t.cancelTitle} closeLabel={messages.common.close}
        footer={<>
          <Button variant="secondary" onClick={() => setConfirming(false)}>{t.keep}</Button>
          <Button variant="danger" loading={cancel.isPending} onClick={() => cancel.mutate({})}>{t.confirmCancel}</Button>
        </>}>
        <p>{t.cancelConfirm(date(sub.currentPeriodEnd))}</p>
        {cancel.error ? <Alert tone="danger">{cancel.error.message}</Alert> : null}
      </Dialog>
    </div>
  );
}
