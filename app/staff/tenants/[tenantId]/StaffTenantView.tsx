'use client';

import Link from 'next/link';
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Card, DataTable, EmptyState, ErrorState, LoadingState, PageHeader, Stat } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { formatDate, formatDateTime, formatMoney } from '@/components/portal/format';
import { AuditTable } from '@/app/t/[tenantId]/audit/AuditLog';
import { AdjustCreditDialog } from './AdjustCreditDialog';
import { InvoiceActions } from './InvoiceActions';
import { NewInvoiceDialog } from './NewInvoiceDialog';
import { ImpersonateButton } from '@/components/portal/ImpersonateButton';

const INVOICE_PAGE = 10;

/** One tenant for staff: read-only for support; finance and admin also get the credit adjustment. */
export function StaffTenantView({ tenantId, canAdjustCredit }: { tenantId: string; canAdjustCredit: boolean }) {
  const trpc = useTRPC();
  const { messages, locale } = useI18n();
  const t = messages.staffConsole;
  const [invoicePage, setInvoicePage] = useState(1);
  const detail = useQuery(trpc.staff.tenant.get.queryOptions({ tenantId }));
  const invoices = useQuery({ ...trpc.staff.tenant.invoices.queryOptions({ tenantId, page: invoicePage, pageSize: INVOICE_PAGE }), placeholderData: keepPreviousData });
  const audit = useQuery(trpc.staff.audit.list.queryOptions({ tenantId, limit: 10 }));
  if (detail.isPending) return <LoadingState label={messages.common.loading} />;
  if (detail.isError) {
    return <ErrorState title={detail.error.data?.code === 'NOT_FOUND' ? t.notFound : messages.common.error} message={detail.error.message} onRetry={() => detail.refetch()} retryLabel={messages.common.retry} />;
  }
  const { tenant, subscription, credit, members, usage, metered } = detail.data;
  const tz = tenant.billingTimezone;
  return (
    <div className="cf-stack-lg">
      <PageHeader title={tenant.name} description={<span className="cf-mono">{tenant.id}</span>} actions={<><ImpersonateButton tenantId={tenant.id} tenantName={tenant.name} /><Link href="/staff/tenants">{t.back}</Link></>} />
      <div className="cf-grid">
        <Card title={t.subscription}>
          {subscription ? (
            <Stat label={locale === 'zh-CN' ? subscription.planNameZh : subscription.planName} value={<span data-testid="staff-plan">{subscription.planCode}</span>}
              hint={<Badge tone={subscription.status === 'active' ? 'success' : 'warning'}>{messages.subscriptionStatus[subscription.status]}</Badge>} />
          ) : <EmptyState title={t.noSubscription} />}
        </Card>
        <Card title={t.period}>
          {subscription ? <Stat label={subscription.billingCycle} value={`${formatDate(subscription.currentPeriodStart, locale, tz)} – ${formatDate(subscription.currentPeriodEnd, locale, tz)}`} />
            : <EmptyState title={t.noSubscription} />}
        </Card>
        <Card title={t.credit} actions={canAdjustCredit ? <AdjustCreditDialog tenantId={tenant.id} currency={credit.currency} /> : undefined}>
          <Stat label={credit.currency} value={<span data-testid="staff-credit">{formatMoney(credit.balance, credit.currency, locale)}</span>} />
        </Card>
      </div>
      <Card title={t.members} flush>
        <DataTable caption={t.members} rows={members} rowKey={(row) => row.userId} empty={<EmptyState title="—" />}
          columns={[
            { key: 'email', header: t.email, cell: (row) => <span data-testid="member-email">{row.email}</span> },
            { key: 'name', header: t.name, cell: (row) => row.name },
            { key: 'role', header: t.role, cell: (row) => messages.roles[row.role] },
            { key: 'last', header: t.lastSignIn, cell: (row) => (row.lastLoginAt ? formatDateTime(row.lastLoginAt, locale, tz) : messages.common.never) },
          ]} />
      </Card>
      <Card title={t.invoices} flush actions={canAdjustCredit ? <NewInvoiceDialog tenantId={tenant.id} currency={tenant.currency} /> : undefined}>
        {invoices.isPending ? <LoadingState label={messages.common.loading} /> : invoices.isError ? (
          <ErrorState title={messages.common.error} message={invoices.error.message} onRetry={() => invoices.refetch()} retryLabel={messages.common.retry} />
        ) : (
          <DataTable caption={t.invoices} rows={invoices.data.items} rowKey={(row) => row.id} empty={<EmptyState title={t.noInvoices} />}
            pagination={{ page: invoicePage, pageCount: Math.max(1, Math.ceil(invoices.data.total / INVOICE_PAGE)), onPageChange: setInvoicePage, labels: { previous: messages.common.previous, next: messages.common.next, pageOf: messages.common.pageOf } }}
            columns={[
              { key: 'invoice', header: t.invoice, cell: (row) => <span className="cf-mono" data-testid="staff-invoice">{row.invoiceNumber ?? row.id}</span> },
              { key: 'description', header: t.description, cell: (row) => row.description },
              { key: 'type', header: t.type, cell: (row) => messages.recordType[row.type] },
              { key: 'date', header: t.date, cell: (row) => formatDate(row.createdAt, locale, tz) },
              { key: 'status', header: t.status, cell: (row) => messages.recordStatus[row.status] },
              {
                key: 'amount', header: t.amount, align: 'right', cell: (row) => (/[1-9]/.test(row.refundedAmount)
                  ? <span className="cf-stack-sm">{formatMoney(row.amount, row.currency, locale)}<span className="cf-small cf-muted" data-testid="staff-invoice-refunded">{t.refundedShort(formatMoney(row.refundedAmount, row.currency, locale))}</span></span>
                  : formatMoney(row.amount, row.currency, locale)),
              },
              // Finance and admin act on invoices (void, settle, refund, finalize a draft); support only reads.
              ...(canAdjustCredit ? [{ key: 'actions', header: t.invoiceActions, cell: (row: { id: string; invoiceNumber: string | null; status: string; amount: string; refundedAmount: string; currency: string }) => <InvoiceActions tenantId={tenant.id} row={row} /> }] : []),
            ]} />
        )}
      </Card>
      <Card title={t.usage} flush>
        <DataTable caption={t.usage} rows={usage} rowKey={(row) => row.resourceType} empty={<EmptyState title={t.noUsage} />}
          columns={[
            { key: 'resource', header: t.resourceType, cell: (row) => <span className="cf-mono">{row.resourceType}</span> },
            { key: 'quantity', header: t.quantity, align: 'right', cell: (row) => row.quantity },
            { key: 'days', header: t.days, align: 'right', cell: (row) => row.days },
          ]} />
        {metered.length > 0 ? (
          <DataTable caption={t.metered} rows={metered} rowKey={(row) => `${row.resourceType}-${String(row.periodStart)}`}
            columns={[
              { key: 'resource', header: t.metered, cell: (row) => <span className="cf-mono">{row.resourceType}</span> },
              { key: 'usage', header: t.quantity, align: 'right', cell: (row) => row.totalUsage },
              { key: 'overage', header: t.overage, align: 'right', cell: (row) => formatMoney(row.overageAmount, row.currency, locale) },
            ]} />
        ) : null}
      </Card>
      <Card title={t.recentAudit} actions={<Link href="/staff/audit">{t.allAudit}</Link>} flush>
        {audit.isPending ? <LoadingState label={messages.common.loading} /> : audit.isError ? (
          <ErrorState title={messages.common.error} message={audit.error.message} onRetry={() => audit.refetch()} retryLabel={messages.common.retry} />
        ) : <AuditTable rows={audit.data.items} timeZone={tz} />}
      </Card>
    </div>
  );
}
