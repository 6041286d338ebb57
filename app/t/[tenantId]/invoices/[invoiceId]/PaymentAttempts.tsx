'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge, Card, DataTable, EmptyState, ErrorState, LoadingState } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDateTime, formatMoney } from '@/components/portal/format';
import type { PaymentAttemptView } from '@/server/collection/schema';
import type { Messages } from '@/messages/zh-CN';

const TONE = { pending: 'warning', succeeded: 'success', failed: 'danger' } as const;

/** What the attempt was: a dunning step names its day; a retry, a settlement and a returned stray charge say so. */
function attemptLabel(row: PaymentAttemptView, t: Messages['invoices']): string {
  if (row.origin === 'dunning' && row.step !== null) return `${t.attemptKinds.charge} · ${t.retryDay(row.step)}`;
  if (row.origin === 'method_change') return `${t.attemptKinds.charge} · ${t.attemptOrigins.method_change}`;
  if (row.origin === 'stray_charge') return `${t.attemptKinds.refund} · ${t.attemptOrigins.stray_charge}`;
  return t.attemptKinds[row.kind];
}

function Method({ attempt }: { attempt: PaymentAttemptView }) {
  const { messages } = useI18n();
  if (attempt.provider === 'bank_transfer') return <>{messages.invoices.bankTransfer}</>;
  if (attempt.provider === 'credit_balance') return <>{messages.invoices.creditBalance}</>;
  if (!attempt.method) return <>—</>;
  const brand = attempt.method.brand ?? attempt.method.kind;
  return <span className="cf-mono">{attempt.method.last4 ? `${brand} •••• ${attempt.method.last4}` : brand}</span>;
}

/** Every charge and refund of this invoice with the processor's answer (a decline's code and message), oldest first. */
export function PaymentAttempts({ invoiceId }: { invoiceId: string }) {
  const trpc = useTRPC();
  const tenant = useTenant();
  const { messages, locale } = useI18n();
  const t = messages.invoices;
  const attempts = useQuery({ ...trpc.invoices.paymentAttempts.queryOptions({ invoiceId }), retry: (count, error) => error.data?.code !== 'NOT_FOUND' && count < 2 });
  if (attempts.isError && attempts.error.data?.code === 'NOT_FOUND') return null; // the detail above already says so
  return (
    <Card title={t.attempts} flush>
      {attempts.isPending ? <LoadingState label={messages.common.loading} /> : attempts.isError ? (
        <ErrorState title={messages.common.error} message={attempts.error.message} onRetry={() => attempts.refetch()} retryLabel={messages.common.retry} />
      ) : (
        <DataTable
          caption={t.attempts}
          rows={attempts.data.attempts}
          rowKey={(row) => row.id}
          empty={<EmptyState title={t.noAttempts} description={t.noAttemptsHint} />}
          columns={[
            { key: 'n', header: t.attemptNumber, cell: (row) => row.attemptNumber },
            { key: 'time', header: t.attemptTime, cell: (row) => formatDateTime(row.createdAt, locale, tenant.billingTimezone) },
            { key: 'kind', header: t.attemptKind, cell: (row) => attemptLabel(row, t) },
            { key: 'method', header: t.attemptMethod, cell: (row) => <Method attempt={row} /> },
            { key: 'amount', header: t.attemptAmount, align: 'right', cell: (row) => formatMoney(row.amount, row.currency, locale) },
            {
              key: 'result', header: t.attemptResult, cell: (row) => (
                <span className="cf-stack-sm" data-testid="attempt-result">
                  <Badge tone={TONE[row.status]}>{t.attemptStatuses[row.status]}</Badge>
                  {row.declineMessage ? <span className="cf-small">{row.declineMessage} <span className="cf-mono cf-muted">({row.declineCode})</span></span> : null}
                </span>
              ),
            },
            { key: 'ref', header: t.attemptReference, cell: (row) => <span className="cf-mono cf-small">{row.providerRefundId ?? row.providerChargeId ?? '—'}</span> },
          ]}
        />
      )}
    </Card>
  );
}
