'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Button, Card, DataTable, EmptyState, ErrorState, Field, Input, LoadingState, PageHeader, buttonClassName } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatMoney } from '@/components/portal/format';

const COLOURS = ['#4f46e5', '#0e7490', '#b45309', '#be123c', '#15803d', '#7c3aed', '#475569', '#a16207'];

/** This month so far in the billing timezone, as `YYYY-MM-DD` bounds. */
function thisMonth(timeZone: string) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** Payable per day stacked by meter (a chart for the eye, hidden from assistive tech) and the full rows as a table. */
export function DailyBillView() {
  const trpc = useTRPC();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.bills;
  const [range, setRange] = useState(() => thisMonth(tenant.billingTimezone));
  const daily = useQuery({ ...trpc.bills.daily.queryOptions(range), placeholderData: keepPreviousData });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setRange({ from: String(form.get('from')), to: String(form.get('to')) });
  };
  const body = () => {
    if (daily.isPending) return <LoadingState label={messages.common.loading} />;
    if (daily.isError) return <ErrorState title={messages.common.error} message={daily.error.message} onRetry={() => void daily.refetch()} retryLabel={messages.common.retry} />;
    const rows = daily.data.rows;
    if (rows.length === 0) return <EmptyState title={t.dailyEmpty} description={t.rangeHint} />;
    const meters = [...new Map(rows.map((row) => [row.meter, row.meterName])).entries()];
    const days = [...new Set(rows.map((row) => row.day))];
    // Chart points only (display): the table below carries the exact amounts.
    const points = days.map((day) => ({ day, ...Object.fromEntries(meters.map(([meter]) => [meter, rows.filter((r) => r.day === day && r.meter === meter).reduce((n, r) => n + Number(r.billingResult), 0)])) }));
    const money = (amount: string) => formatMoney(amount, tenant.currency, locale);
    const summary = t.chartSummary(days.length, meters.length);
    return (
      <Card title={t.dailyTitle}>
        <figure className="cf-stack-sm" style={{ margin: 0 }} data-testid="daily-chart">
          <figcaption className="cf-sr-only">{summary}</figcaption>
          <div aria-hidden style={{ width: '100%', height: 300 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--cf-border)" />
                <XAxis dataKey="day" tick={{ fontSize: 12, fill: 'var(--cf-text-muted)' }} minTickGap={16} />
                <YAxis tick={{ fontSize: 12, fill: 'var(--cf-text-muted)' }} width={72} />
                <Tooltip />
                <Legend />
                {meters.map(([meter, name], i) => <Bar key={meter} dataKey={meter} name={name} stackId="daily" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />)}
              </BarChart>
            </ResponsiveContainer>
          </div>
        </figure>
        <details open data-testid="daily-table">
          <summary>{t.tableView}</summary>
          <DataTable
            caption={summary}
            rows={rows}
            rowKey={(row) => `${row.day}-${row.meter}-${row.workspace}-${row.billingCycle}`}
            columns={[
              { key: 'day', header: t.day, cell: (row) => <span className="cf-mono">{row.day}</span> },
              { key: 'meter', header: t.meter, cell: (row) => row.meterName },
              { key: 'workspace', header: t.workspace, cell: (row) => row.workspace },
              { key: 'category', header: t.category, cell: (row) => row.category },
              { key: 'count', header: t.count, align: 'right', cell: (row) => row.count },
              { key: 'origin', header: t.original, align: 'right', cell: (row) => money(row.originAmount) },
              { key: 'coupons', header: t.coupons, align: 'right', cell: (row) => money(row.couponAmount) },
              { key: 'result', header: t.billingResult, align: 'right', cell: (row) => money(row.billingResult) },
              { key: 'stored', header: t.storedCard, align: 'right', cell: (row) => money(row.storedCardAmount) },
              { key: 'cash', header: t.cash, align: 'right', cell: (row) => money(row.cashAmount) },
              { key: 'owe', header: t.owe, align: 'right', cell: (row) => money(row.oweAmount) },
            ]}
          />
        </details>
      </Card>
    );
  };
  return (
    <div className="cf-stack-lg">
      <PageHeader title={t.dailyTitle} description={t.dailyDescription} actions={<Link className={buttonClassName('secondary')} href={`/t/${tenant.id}/bills`}>{t.back}</Link>} />
      <Card title={t.filters}>
        <form className="cf-row" onSubmit={submit} style={{ alignItems: 'flex-end', flexWrap: 'wrap', gap: 12 }}>
          <Field label={t.from} htmlFor="daily-from"><Input id="daily-from" name="from" type="date" defaultValue={range.from} required /></Field>
          <Field label={t.to} htmlFor="daily-to" hint={t.rangeHint}><Input id="daily-to" name="to" type="date" defaultValue={range.to} required /></Field>
          <Button type="submit">{t.apply}</Button>
        </form>
      </Card>
      {body()}
    </div>
  );
}
