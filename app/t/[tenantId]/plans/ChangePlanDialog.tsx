'use client';

import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Dialog, LoadingState } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDate, formatDateTime, formatMoney } from '@/components/portal/format';

const STALE = ['QUOTE_EXPIRED', 'QUOTE_CHANGED'];

/** Quote, then confirm: the amounts shown are exactly the ones the confirm moves (or it is refused). */
export function ChangePlanDialog({ target, currency, onClose, onDone }: {
  target: { code: string; name: string; cycle: 'monthly' | 'yearly' }; currency: string; onClose: () => void; onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.plans;
  const [staleNotice, setStaleNotice] = useState(false);
  const quote = useMutation(trpc.planTransitions.quote.mutationOptions());
  const confirm = useMutation(trpc.planTransitions.confirm.mutationOptions({
    onSuccess: (result) => onDone(t.done[result.state as keyof typeof t.done] ?? t.done.finished),
    onError: (error) => {
      if (STALE.includes((error.data as { reason?: string } | undefined)?.reason ?? '')) {
        setStaleNotice(true);
        quote.mutate({ toPlanCode: target.code, billingCycle: target.cycle });
      }
    },
  }));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { quote.mutate({ toPlanCode: target.code, billingCycle: target.cycle }); }, [target.code, target.cycle]);

  const q = quote.data;
  const money = (amount: string) => formatMoney(amount, currency, locale);
  const confirmError = confirm.isError && !STALE.includes((confirm.error.data as { reason?: string } | undefined)?.reason ?? '') ? confirm.error.message : null;
  return (
    <Dialog open onClose={onClose} title={t.dialogTitle(target.name)} closeLabel={t.close} size="lg"
      footer={<>
        <Button variant="secondary" onClick={onClose}>{t.cancel}</Button>
        <Button disabled={!q || quote.isPending} loading={confirm.isPending} onClick={() => { setStaleNotice(false); if (q) confirm.mutate({ transitionId: q.id }); }}>{t.confirm}</Button>
      </>}>
      <div className="cf-stack" data-testid="plan-quote">
        {staleNotice && <Alert tone="warning"><span data-testid="quote-expired">{t.expired}</span></Alert>}
        {confirmError && <Alert tone="danger">{confirmError}</Alert>}
        {quote.isPending && <LoadingState label={t.quoting} />}
        {quote.isError && <Alert tone="danger">{quote.error.message}</Alert>}
        {q && (
          <>
            <p>{t.quote.mode[q.mode]}</p>
            {q.requiresManualApproval && <Alert tone="info">{t.quote.approval}</Alert>}
            <dl className="cf-stack-sm">
              <div className="cf-row cf-row-between"><dt>{t.quote.period}</dt><dd>{formatDate(q.periodStart, locale, tenant.billingTimezone)} – {formatDate(q.periodEnd, locale, tenant.billingTimezone)} · <span data-testid="quote-days">{t.quote.days(q.remainingDays, q.periodDays)}</span></dd></div>
              <div className="cf-row cf-row-between"><dt>{t.quote.effective}</dt><dd data-testid="quote-effective">{q.effectiveDate}</dd></div>
              {q.newPeriodEnd && <div className="cf-row cf-row-between"><dt>{t.quote.newPeriod}</dt><dd data-testid="quote-new-period">{formatDate(q.effectiveAt, locale, tenant.billingTimezone)} – {formatDate(q.newPeriodEnd, locale, tenant.billingTimezone)}</dd></div>}
            </dl>
            <table className="cf-table">
              <caption className="cf-sr-only">{t.dialogTitle(target.name)}</caption>
              <thead><tr><th scope="col"></th><th scope="col">{t.quote.line}</th><th scope="col">{t.quote.tax}</th></tr></thead>
              <tbody>
                <tr><th scope="row">{t.quote.unused(q.fromPlan.name)}</th><td data-testid="quote-unused">−{money(q.unused.amount)}</td><td>−{money(q.unused.tax)}</td></tr>
                <tr><th scope="row">{q.newPeriodEnd ? t.quote.chargeCycle(q.toPlan.name, t[q.toBillingCycle]) : t.quote.charge(q.toPlan.name)}</th><td data-testid="quote-charge">{money(q.charge.amount)}</td><td>{money(q.charge.tax)}</td></tr>
              </tbody>
            </table>
            <dl className="cf-stack-sm">
              <div className="cf-row cf-row-between"><dt>{t.quote.net}</dt><dd data-testid="quote-net">{money(q.net)}</dd></div>
              <div className="cf-row cf-row-between"><dt>{t.quote.creditApplied}</dt><dd>{money(q.creditApplied)}</dd></div>
              <div className="cf-row cf-row-between"><dt><strong>{t.quote.amountDue}</strong></dt><dd><strong data-testid="quote-due">{money(q.amountDue)}</strong></dd></div>
              {q.creditToLedger !== '0' && <div className="cf-row cf-row-between"><dt>{t.quote.creditBack}</dt><dd data-testid="quote-credit">{money(q.creditToLedger)}</dd></div>}
            </dl>
            <p className="cf-small cf-muted">{t.quote.expires(formatDateTime(q.expiresAt, locale, tenant.billingTimezone))}</p>
          </>
        )}
      </div>
    </Dialog>
  );
}
