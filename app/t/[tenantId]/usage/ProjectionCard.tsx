'use client';

import { Card, DataTable } from '@/components/ui';
import { useI18n } from '@/components/providers/i18n';
import { formatDate } from '@/components/portal/format';
import { formatQuantity } from '@/components/portal/usage/format';

type Projection = {
  periodEnd: Date; timeZone: string; daysRemaining: string; averageFrom: string; averageTo: string;
  items: { resource: { resourceType: string; name: string; nameZh: string; unit: string }; used: string; dailyAverage: string | null; projected: string; method: 'linear_7d_daily_average' | 'peak_so_far'; includedUnits: string | null }[];
};

/** Each resource type projected to the period end, the method written out beside the numbers. */
export function ProjectionCard({ projection }: { projection: Projection }) {
  const { messages, locale } = useI18n();
  const t = messages.usage;
  const q = (value: string | null) => (value === null ? '—' : formatQuantity(value, locale));
  return (
    <Card title={t.projection} description={t.projectionAsOf(formatDate(projection.periodEnd, locale, projection.timeZone), projection.daysRemaining)} flush>
      <div className="cf-stack-sm" style={{ padding: '0 var(--cf-space-5)' }} data-testid="projection-method">
        <p className="cf-small">{t.methods.linear_7d_daily_average(projection.averageFrom, projection.averageTo)}</p>
        <p className="cf-small cf-muted">{t.methods.peak_so_far}</p>
      </div>
      <DataTable
        caption={t.projection}
        rows={projection.items}
        rowKey={(row) => row.resource.resourceType}
        columns={[
          { key: 'resource', header: t.resource, cell: (row) => `${locale === 'zh-CN' ? row.resource.nameZh : row.resource.name} (${row.resource.unit})` },
          { key: 'used', header: t.used, align: 'right', cell: (row) => q(row.used) },
          { key: 'average', header: t.dailyAverage, align: 'right', cell: (row) => q(row.dailyAverage) },
          { key: 'projected', header: t.projected, align: 'right', cell: (row) => <strong>{q(row.projected)}</strong> },
          { key: 'included', header: t.included, align: 'right', cell: (row) => q(row.includedUnits) },
          { key: 'method', header: t.method, cell: (row) => t.methodShort[row.method] },
        ]}
      />
    </Card>
  );
}
