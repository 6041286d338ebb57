'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, DataTable, EmptyState, ErrorState, LoadingState, PageHeader, buttonClassName } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatDate, formatDateTime, formatMoney } from '@/components/portal/format';
import type { InvoiceDetail } from '@/server/invoices/schema';
import { InvoiceStatus } from '../InvoicesView';

/** A label/value list (a <dl>): screen readers read each value with its label. */
function Facts({ items, testId }: { items: [string, ReactNode][]; testId?: string }) {
  return (
    <dl className="cf-grid" data-testid={testId} style={{ margin: 0 }}>
      {items.map(([label, value]) => (
        <div key={label} className="cf-stack-sm">
          <dt className="cf-small cf-muted">{label}</dt>
          <dd className="cf-num" style={{ margin: 0 }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Lines({ invoice }: { invoice: InvoiceDetail }) {
  const { messages, locale } = useI18n();
  const t = messages.invoices;
  const money = (value: string) => formatMoney(value, invoice.currency, locale);
  const percent = (rate: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 }).format(rate as Intl.StringNumericLiteral);
  return (
    <Card title={t.lines} flush>
      <DataTable
        caption={t.lines}
        rows={invoice.lines}
        rowKey={(line) => line.position}
        empty={<EmptyState title={t.noLines} />}
        columns={[
          { key: 'description', header: t.summary, cell: (line) => line.description },
          { key: 'resource', header: t.resourceType, cell: (line) => <span className="cf-mono cf-small">{line.resourceType}</span> },
          { key: 'quantity', header: t.quantity, align: 'right', cell: (line) => new Intl.NumberFormat(locale, { maximumFractionDigits: 9 }).format(line.quantity as Intl.StringNumericLiteral) },
          { key: 'unitPrice', header: t.unitPrice, align: 'right', cell: (line) => money(line.unitPrice) },
          { key: 'amount', header: t.lineAmount, align: 'right', cell: (line) => money(line.amount) },
          { key: 'taxRate', header: t.taxRate, align: 'right', cell: (line) => percent(line.taxRate) },
          { key: 'tax', header: t.tax, align: 'right', cell: (line) => money(line.taxAmount) },
          { key: 'total', header: t.lineTotal, align: 'right', cell: (line) => money(line.total) },
        ]}
      />
    </Card>
  );
}

/**
 * One invoice: status and dates, lines, totals (credit applied, paid, due), then `children` (other
 * domains' sections, e.g. payment attempts), then the PDF preview. Drafts have no PDF yet.
 */
export function InvoiceDetailView({ invoiceId, children }: { invoiceId: string; children?: ReactNode }) {
  const trpc = useTRPC();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.invoices;
  const detail = useQuery({ ...trpc.invoices.detail.queryOptions({ invoiceId }), retry: (count, error) => error.data?.code !== 'NOT_FOUND' && error.data?.code !== 'BAD_REQUEST' && count < 2 });
  const back = <Link href={`/t/${tenant.id}/invoices`} className={buttonClassName('ghost')}>{t.back}</Link>;
  if (detail.isPending) return <div className="cf-stack-lg"><PageHeader title={t.title} actions={back} /><LoadingState label={messages.common.loading} /></div>;
  if (detail.isError) {
    const missing = detail.error.data?.code === 'NOT_FOUND' || detail.error.data?.code === 'BAD_REQUEST';
    return (
      <div className="cf-stack-lg">
        <PageHeader title={missing ? t.notFound : t.title} actions={back} />
        {missing ? <EmptyState title={t.notFound} description={t.notFoundHint} />
          : <ErrorState title={messages.common.error} message={detail.error.message} onRetry={() => void detail.refetch()} retryLabel={messages.common.retry} />}
      </div>
    );
  }
  const invoice = detail.data;
  const money = (value: string) => formatMoney(value, invoice.currency, locale);
  const day = (value: Date | null) => (value ? formatDate(value, locale, tenant.billingTimezone) : '—');
  const when = (value: Date | null) => (value ? formatDateTime(value, locale, tenant.billingTimezone) : '—');
  const pdfHref = `/t/${tenant.id}/invoices/${invoice.id}/pdf`;
  const isDraft = invoice.status === 'draft';
  return (
    <div className="cf-stack-lg">
      <PageHeader
        title={<span className="cf-mono" data-testid="invoice-number">{invoice.invoiceNumber ?? t.draft}</span>}
        description={invoice.description}
        actions={<>{back}{isDraft ? null : <a className={buttonClassName('primary')} href={`${pdfHref}?download=1`} download data-testid="invoice-pdf-download">{t.downloadPdf}</a>}</>}
      />
      <Card title={t.details}>
        <Facts items={[
          [t.status, <InvoiceStatus key="status" status={invoice.status} overdue={invoice.overdue} />],
          [t.type, messages.recordType[invoice.type]],
          [t.issued, day(invoice.createdAt)],
          [t.dueDate, day(invoice.dueAt)],
          [t.period, invoice.periodStart && invoice.periodEnd ? `${day(invoice.periodStart)} – ${day(invoice.periodEnd)}` : '—'],
          [t.app, invoice.appId ?? t.tenantWide],
        ]} />
      </Card>
      <Lines invoice={invoice} />
      <div className="cf-grid">
        <Card title={t.totals}>
          <Facts testId="invoice-totals" items={[
            [t.subtotal, money(invoice.subtotal)], [t.taxTotal, money(invoice.taxAmount)], [t.invoiceTotal, <strong key="total">{money(invoice.amount)}</strong>],
            [t.creditApplied, money(invoice.creditApplied)], [t.amountPaid, money(invoice.amountPaid)],
            // Shown once something was refunded (a partially refunded invoice stays paid).
            ...(/[1-9]/.test(invoice.refundedAmount) ? [[t.refundedAmount, <span key="refunded" data-testid="invoice-refunded-amount">{money(invoice.refundedAmount)}</span>] as [string, ReactNode]] : []),
            [t.amountDue, <strong key="due" data-testid="invoice-amount-due">{money(invoice.amountDue)}</strong>],
          ]} />
        </Card>
        <Card title={t.history}>
          <Facts items={[
            [t.created, when(invoice.history.createdAt)], [t.finalized, when(invoice.history.finalizedAt)], [t.paid, when(invoice.history.paidAt)],
            [t.voided, when(invoice.history.voidedAt)], [t.refunded, when(invoice.history.refundedAt)],
          ]} />
        </Card>
      </div>
      {children}
      <Card title={t.pdfPreview}>
        {isDraft ? <p className="cf-muted">{t.pdfDraft}</p> : (
          <iframe src={pdfHref} title={`${t.pdfPreview} ${invoice.invoiceNumber ?? ''}`} loading="lazy" data-testid="invoice-pdf-preview"
            style={{ width: '100%', height: '40rem', border: '1px solid var(--cf-border, #d0d7de)', borderRadius: '0.5rem' }} />
        )}
      </Card>
    </div>
  );
}
