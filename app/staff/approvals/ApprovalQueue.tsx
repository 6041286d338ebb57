'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DataTable, EmptyState, ErrorState, Input, LoadingState, PageHeader } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { formatDateTime, formatMoney } from '@/components/portal/format';

/** Staff admins decide plan changes that wait for approval (enterprise). */
export function ApprovalQueue() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages, locale } = useI18n();
  const t = messages.plans.approvals;
  const list = useQuery(trpc.staff.approvals.list.queryOptions());
  const [notice, setNotice] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.staff.approvals.list.queryKey() });
  const approve = useMutation(trpc.staff.approvals.approve.mutationOptions({ onSuccess: () => { setNotice(t.approved); return refresh(); } }));
  const reject = useMutation(trpc.staff.approvals.reject.mutationOptions({ onSuccess: () => { setNotice(t.rejected); return refresh(); } }));
  const failure = approve.error?.message ?? reject.error?.message;
  return (
    <div className="cf-stack-lg">
      <PageHeader title={t.title} description={t.description} />
      {notice && <Alert tone="success">{notice}</Alert>}
      {failure && <Alert tone="danger">{failure}</Alert>}
      {list.isPending ? <LoadingState label={messages.common.loading} /> : list.isError ? (
        <ErrorState title={messages.common.error} message={list.error.message} onRetry={() => list.refetch()} retryLabel={messages.common.retry} />
      ) : (
        <Card flush>
          <DataTable
            caption={t.title}
            rows={list.data}
            rowKey={(row) => row.id}
            empty={<EmptyState title={t.empty} />}
            columns={[
              { key: 'tenant', header: t.tenant, cell: (row) => <><strong>{row.tenantName}</strong> <span className="cf-mono cf-small">{row.tenantId}</span></> },
              { key: 'from', header: t.from, cell: (row) => row.fromPlan },
              { key: 'to', header: t.to, cell: (row) => <>{row.toPlan} · {formatMoney(row.toPrice, row.currency, locale)}</> },
              { key: 'at', header: t.requestedAt, cell: (row) => formatDateTime(row.requestedAt, locale, 'Asia/Shanghai') },
              { key: 'actions', header: '', align: 'right', cell: (row) => (
                <div className="cf-row cf-row-end">
                  <Input aria-label={`${t.rejectReason} (${row.tenantName})`} placeholder={t.rejectReason} value={reasons[row.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [row.id]: e.target.value })} />
                  <Button size="sm" variant="danger" disabled={!reasons[row.id]?.trim()} loading={reject.isPending && reject.variables?.transitionId === row.id}
                    onClick={() => reject.mutate({ transitionId: row.id, reason: reasons[row.id]!.trim() })}>{t.reject}</Button>
                  <Button size="sm" loading={approve.isPending && approve.variables?.transitionId === row.id} onClick={() => approve.mutate({ transitionId: row.id })}>{t.approve}</Button>
                </div>
              ) },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
