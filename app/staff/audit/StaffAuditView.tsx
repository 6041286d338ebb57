'use client';

import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Card, PageHeader, buttonClassName } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { AuditFilterBar, AuditResults, exportHref, type AuditFilterValues } from '@/app/t/[tenantId]/audit/AuditLog';

const PAGE_SIZE = 50;

/** Every tenant's audit rows for staff, dates in UTC. */
export function StaffAuditView() {
  const trpc = useTRPC();
  const { messages } = useI18n();
  const t = messages.audit;
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const list = useInfiniteQuery(trpc.staff.audit.list.infiniteQueryOptions({ ...filters, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  return (
    <div className="cf-stack-lg">
      <PageHeader title={t.title} description={t.staffDescription}
        actions={<a className={buttonClassName('secondary')} href={exportHref('/staff/audit/export', filters)} download data-testid="audit-export">{t.exportCsv}</a>} />
      <Card title={t.filters}><AuditFilterBar withTenant onApply={setFilters} /></Card>
      <AuditResults list={list} timeZone="UTC" showTenant />
    </div>
  );
}
