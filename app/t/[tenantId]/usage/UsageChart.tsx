'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable } from '@/components/ui';
import { useI18n } from '@/components/providers/i18n';
import { formatBucket, formatQuantity } from '@/components/portal/usage/format';

export type ChartData = {
  granularity: 'hour' | 'day' | 'month';
  stackBy: 'resource_type' | 'app';
  from: string;
  to: string;
  timeZone: string;
  buckets: string[];
  series: { key: string; name: string | null; nameZh: string | null; values: string[]; total: string }[];
};

/** Eight hues that keep ≥ 3:1 against white and against each other's neighbours in a stack. */
const COLOURS = ['#4f46e5', '#0e7490', '#b45309', '#be123c', '#15803d', '#7c3aed', '#475569', '#a16207'];

/**
 * The stacked bar chart and, in a disclosure below it, the same numbers as a table (the chart's
 * accessible alternative: the chart itself is described by one sentence and hidden from the
 * accessibility tree, the table carries every value).
 */
export function UsageChart({ data, unit }: { data: ChartData; unit: string | null }) {
  const { messages, locale } = useI18n();
  const t = messages.usage;
  const label = (s: ChartData['series'][number]) => (s.key === '' && data.stackBy === 'app' ? t.noApp : (locale === 'zh-CN' ? s.nameZh : s.name) ?? s.key);
  const bucketLabel = (bucket: string) => formatBucket(bucket, data.granularity, locale, data.timeZone);
  const points = data.buckets.map((bucket, i) => ({ bucket: bucketLabel(bucket), ...Object.fromEntries(data.series.map((s) => [s.key || '_none', Number(s.values[i])])) }));
  const summary = t.chartSummary(data.series.length, data.buckets.length, data.from, data.to);
  return (
    <div className="cf-stack">
      <figure className="cf-stack-sm" style={{ margin: 0 }} data-testid="usage-chart">
        <figcaption className="cf-sr-only">{summary}</figcaption>
        {/* Hidden from assistive tech, so recharts' keyboard layer is off too (nothing focusable inside aria-hidden); the table is the accessible path. */}
        <div aria-hidden style={{ width: '100%', height: 320 }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--cf-border)" />
              <XAxis dataKey="bucket" tick={{ fontSize: 12, fill: 'var(--cf-text-muted)' }} minTickGap={16} />
              <YAxis tick={{ fontSize: 12, fill: 'var(--cf-text-muted)' }} width={72} tickFormatter={(v: number) => new Intl.NumberFormat(locale, { notation: 'compact' }).format(v)}
                label={unit ? { value: unit, angle: -90, position: 'insideLeft', fill: 'var(--cf-text-muted)', fontSize: 12 } : undefined} />
              <Tooltip formatter={(value) => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(Number(value))} />
              <Legend />
              {data.series.map((s, i) => (
                <Bar key={s.key || '_none'} dataKey={s.key || '_none'} name={label(s)} stackId="usage" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <details data-testid="usage-table">
        <summary>{t.tableView}</summary>
        <DataTable
          caption={summary}
          rows={data.buckets.map((bucket, index) => ({ bucket, index }))}
          rowKey={(row) => row.bucket}
          columns={[
            { key: 'bucket', header: t.bucket, cell: (row) => bucketLabel(row.bucket) },
            ...data.series.map((s) => ({ key: `s-${s.key}`, header: label(s), align: 'right' as const, cell: (row: { index: number }) => formatQuantity(s.values[row.index]!, locale) })),
          ]}
        />
      </details>
    </div>
  );
}
