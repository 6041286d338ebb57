'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Checkbox, DataTable, EmptyState, ErrorState, Field, LoadingState, PageHeader, Select, buttonClassName } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { useTenant } from '@/components/providers/tenant';
import { formatMoney } from '@/components/portal/format';
import type { HourlyView } from '@/server/bills/portal-schema';

type Filters = { skuIds: string[]; resourceGroupId?: string; resourceOwnerId?: string; consumeType?: 'CT_CONSUMPTION' | 'CT_REFUND' | 'CT_RECONCILIATION'; orderBy: string };
const PAGE_SIZE = 50;
const ORDERS = ['create_time desc', 'create_time', 'amount desc', 'amount', 'quantity desc', 'quantity'] as const;

/** The same filters as query parameters, for the CSV export (it streams every matching row). */
function exportQuery(filters: Filters): string {
  const query = new URLSearchParams({ order_by: filters.orderBy });
  if (filters.skuIds.length) query.set('sku_ids', filters.skuIds.join(','));
  if (filters.resourceGroupId) query.set('resource_group_id', filters.resourceGroupId);
  if (filters.resourceOwnerId) query.set('resource_owner_id', filters.resourceOwnerId);
  if (filters.consumeType) query.set('consume_type', filters.consumeType);
  return query.toString();
}

/** Category → product → SKU as nested fieldsets; ticking a product ticks its SKUs. */
function CatalogFacets({ tree, selected, onChange }: { tree: HourlyView['facets']['tree']; selected: string[]; onChange: (skuIds: string[]) => void }) {
  const { messages } = useI18n();
  const toggle = (ids: string[], on: boolean) => onChange(on ? [...new Set([...selected, ...ids])] : selected.filter((id) => !ids.includes(id)));
  return (
    <fieldset className="cf-stack-sm" data-testid="bill-facets">
      <legend className="cf-strong">{messages.bills.catalog}</legend>
      {tree.map((category) => (
        <fieldset key={category.id} className="cf-stack-sm">
          <legend>{category.name}</legend>
          {category.children.map((spu) => {
            const skuIds = spu.children.map((sku) => sku.id);
            return (
              <div key={spu.id} className="cf-stack-sm" style={{ paddingInlineStart: 12 }}>
                <Checkbox label={spu.name} checked={skuIds.every((id) => selected.includes(id))} onChange={(e) => toggle(skuIds, e.target.checked)} />
                <div className="cf-stack-sm" style={{ paddingInlineStart: 20 }}>
                  {spu.children.map((sku) => (
                    <Checkbox key={sku.id} label={sku.name} checked={selected.includes(sku.id)} onChange={(e) => toggle([sku.id], e.target.checked)} data-testid={`facet-${sku.id}`} />
                  ))}
                </div>
              </div>
            );
          })}
        </fieldset>
      ))}
    </fieldset>
  );
}

/** One bill's hourly charge lines: facet panel, owner / group / type filters, sort, keyset pages, CSV. */
export function BillDetailView({ billId }: { billId: string }) {
  const trpc = useTRPC();
  const { messages, locale } = useI18n();
  const tenant = useTenant();
  const t = messages.bills;
  const [filters, setFilters] = useState<Filters>({ skuIds: [], orderBy: 'create_time desc' });
  const [tokens, setTokens] = useState<string[]>([]); // the token of each page after the first
  const [tree, setTree] = useState<HourlyView['facets']['tree']>([]);
  const query = useQuery({
    ...trpc.bills.hourly.queryOptions({ billId, ...filters, orderBy: filters.orderBy as (typeof ORDERS)[number], pageSize: PAGE_SIZE, pageToken: tokens.at(-1) }),
    placeholderData: keepPreviousData,
  });
  // The catalog tree from an answer not narrowed by SKU, so every SKU stays selectable.
  useEffect(() => {
    if (query.data && filters.skuIds.length === 0) setTree(query.data.facets.tree);
  }, [query.data, filters.skuIds.length]);
  const change = (next: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...next }));
    setTokens([]);
  };
  const header = (
    <PageHeader title={t.detailTitle(billId)} description={t.description}
      actions={<>
        <Link className={buttonClassName('secondary')} href={`/t/${tenant.id}/bills`}>{t.back}</Link>
        <a className={buttonClassName('secondary')} href={`/t/${tenant.id}/bills/${billId}/export?${exportQuery(filters)}`} download data-testid="bill-export">{t.exportCsv}</a>
      </>} />
  );
  if (query.isPending) return <div className="cf-stack-lg">{header}<LoadingState label={messages.common.loading} /></div>;
  if (query.isError) {
    const missing = query.error.data?.code === 'NOT_FOUND';
    return (
      <div className="cf-stack-lg">
        {header}
        {missing ? <EmptyState title={t.notFound} description={t.notFoundHint} />
          : <ErrorState title={messages.common.error} message={query.error.message} onRetry={() => void query.refetch()} retryLabel={messages.common.retry} />}
      </div>
    );
  }
  const view = query.data;
  const money = (amount: string) => formatMoney(amount, view.currency, locale);
  return (
    <div className="cf-stack-lg">
      {header}
      <div className="cf-grid-sidebar" style={{ display: 'grid', gridTemplateColumns: 'minmax(200px, 260px) 1fr', gap: 16, alignItems: 'start' }}>
        <Card title={t.filters}>
          <div className="cf-stack">
            <CatalogFacets tree={tree.length ? tree : view.facets.tree} selected={filters.skuIds} onChange={(skuIds) => change({ skuIds })} />
            <Field label={t.resourceGroup} htmlFor="bill-group">
              <Select id="bill-group" value={filters.resourceGroupId ?? ''} onChange={(e) => change({ resourceGroupId: e.target.value || undefined })}>
                <option value="">{t.all}</option>
                {view.facets.resourceGroups.map((group) => <option key={group.id} value={group.id}>{group.name}</option>)}
              </Select>
            </Field>
            <Field label={t.owner} htmlFor="bill-owner">
              <Select id="bill-owner" value={filters.resourceOwnerId ?? ''} onChange={(e) => change({ resourceOwnerId: e.target.value || undefined })}>
                <option value="">{t.all}</option>
                {view.facets.owners.map((owner) => <option key={owner.id} value={owner.id}>{owner.name}</option>)}
              </Select>
            </Field>
            <Field label={t.consumeType} htmlFor="bill-type">
              <Select id="bill-type" value={filters.consumeType ?? ''} onChange={(e) => change({ consumeType: (e.target.value || undefined) as Filters['consumeType'] })}>
                <option value="">{t.all}</option>
                {Object.entries(t.consumeTypes).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
              </Select>
            </Field>
            <Field label={t.sort} htmlFor="bill-sort">
              <Select id="bill-sort" value={filters.orderBy} onChange={(e) => change({ orderBy: e.target.value })}>
                {ORDERS.map((order) => <option key={order} value={order}>{t.sorts[order]}</option>)}
              </Select>
            </Field>
            <Button variant="secondary" size="sm" onClick={() => change({ skuIds: [], resourceGroupId: undefined, resourceOwnerId: undefined, consumeType: undefined })}>{t.clear}</Button>
          </div>
        </Card>
        <Card title={t.total(view.total)} flush>
          <DataTable
            caption={t.detailTitle(billId)}
            rows={view.rows}
            rowKey={(row) => row.id}
            empty={<EmptyState title={t.noRows} description={t.noRowsHint} />}
            columns={[
              { key: 'hour', header: t.hour, cell: (row) => <span className="cf-mono">{row.hour}</span> },
              { key: 'sku', header: t.sku, cell: (row) => <span data-testid="bill-row-sku">{row.skuName}</span> },
              { key: 'resource', header: t.resource, cell: (row) => row.resourceName || row.resourceGroupName },
              { key: 'owner', header: t.owner, cell: (row) => row.ownerName },
              { key: 'type', header: t.consumeType, cell: (row) => (row.consumeType === 'CT_CONSUMPTION' ? t.consumeTypes[row.consumeType] : <Badge tone="warning">{t.consumeTypes[row.consumeType] ?? row.consumeType}</Badge>) },
              { key: 'quantity', header: t.quantity, align: 'right', cell: (row) => row.quantity },
              { key: 'original', header: t.original, align: 'right', cell: (row) => money(row.originalAmount) },
              { key: 'discount', header: t.discount, align: 'right', cell: (row) => money(row.discountAmount) },
              { key: 'amount', header: t.amount, align: 'right', cell: (row) => money(row.amount) },
              { key: 'unpaid', header: t.unpaid, align: 'right', cell: (row) => money(row.unpaidAmount) },
            ]}
          />
          <div className="cf-pagination">
            <span className="cf-num" aria-live="polite">{t.pageN(tokens.length + 1)}</span>
            <div className="cf-pagination-buttons">
              <Button variant="secondary" size="sm" disabled={tokens.length === 0} onClick={() => setTokens([])}>{t.first}</Button>
              <Button variant="secondary" size="sm" disabled={tokens.length === 0} onClick={() => setTokens((all) => all.slice(0, -1))}>{t.previous}</Button>
              <Button variant="secondary" size="sm" disabled={!view.nextPageToken} onClick={() => setTokens((all) => [...all, view.nextPageToken])} data-testid="bill-next">{t.next}</Button>
            </div>
          </div>
        </Card>
      </div>
    </div>
  );
}
