'use client';

import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Card, PageHeader, buttonClassName } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { AuditFilterBar, AuditResults, exportHref, type AuditFilterValues } from './AuditLog';

const PAGE_SIZE = 50;

export function AuditLogView() {
  const trpc = useTRPC();
  const { messages } = useI18n();
  const tenant = useTenant();
  const t = messages.audit;
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const list = useInfiniteQuery(trpc.audit.list.infiniteQueryOptions({ ...filters, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  return (
    <div className="cf-stack-lg">
      <PageHeader title={t.title} description={`${t.description} ${t.timezoneHint(tenant.billingTimezone)}`}
        actions={<a className={buttonClassName('secondary')} href={exportHref(`/t/${tenant.id}/audit/export`, filters)} download data-testid="audit-export">{t.exportCsv}</a>} />
      <Card title={t.filters}><AuditFilterBar onApply={setFilters} /></Card>
      <AuditResults list={list} timeZone={tenant.billingTimezone} />
    </div>
  );
}
