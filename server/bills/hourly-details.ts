import { prisma } from '../db';
import { notFound } from '../errors';
import { parseHourlyFilter } from './hourly-filter';
import { hourlyFacetsSql, hourlyRowsSql, type FacetRow, type HourlyRow, type HourlySqlInput } from './hourly-sql';
import { toDetail, toFacets, type BillContext } from './hourly-view';
import { decodePageToken, encodePageToken, queryFingerprint } from './page-token';
import type { HourlyDetailsQuery, ListBillHourlyDetailsResponse, OrderField } from './schema';

export type HourlyDetailsInput = { tenantId: string; billId: string; query: HourlyDetailsQuery };

const DEFAULT_PAGE_SIZE = 50;

async function billContext(tenantId: string, billId: string): Promise<BillContext> {
  const bill = await prisma.bill.findUnique({
    where: { tenantId_id: { tenantId, id: billId } },
    select: { state: true, tenant: { select: { billingTimezone: true, locale: true, tenantType: true } } },
  });
  if (!bill) throw notFound(`bill "${billId}"`, 'BILL_NOT_FOUND');
  return { state: bill.state, timezone: bill.tenant.billingTimezone, zh: bill.tenant.locale === 'zh-CN', tenantType: bill.tenant.tenantType.toUpperCase() };
}

function parseOrder(orderBy: string | undefined): { field: OrderField; descending: boolean } {
  if (!orderBy) return { field: 'create_time', descending: true };
  const [field, direction] = orderBy.trim().split(/\s+/) as [OrderField, string | undefined];
  return { field, descending: direction?.toLowerCase() === 'desc' };
}

/** Everything but the page position, from the query; also what a page token is bound to. */
function sqlInput(input: HourlyDetailsInput, bill: BillContext): Omit<HourlySqlInput, 'after'> {
  const q = input.query;
  return {
    tenantId: input.tenantId, billId: input.billId, billState: bill.state,
    filter: parseHourlyFilter(q.filter), order: parseOrder(q.order_by),
    skuIds: [...new Set(q.sku_ids ?? [])].sort(), spuIds: [...new Set(q.spu_ids ?? [])].sort(),
    billDetailId: q.bill_detail_id, limit: q.page_size ?? DEFAULT_PAGE_SIZE,
  };
}

/** The two statements of one request (rows, facets + total) and what the page token is bound to. */
export function planHourlyQuery(input: HourlyDetailsInput, bill: BillContext) {
  const base = sqlInput(input, bill);
  const { limit: _limit, ...shape } = base;
  const fingerprint = queryFingerprint(shape);
  const sql: HourlySqlInput = { ...base, after: input.query.page_token ? decodePageToken(input.query.page_token, fingerprint) : undefined };
  return { rows: hourlyRowsSql(sql), facets: hourlyFacetsSql(sql), fingerprint, limit: base.limit };
}

/** The answer from the statements' results (limit + 1 rows tell whether a next page exists). */
export function hourlyPage(plan: ReturnType<typeof planHourlyQuery>, rows: HourlyRow[], groups: FacetRow[], bill: BillContext, tenantId: string): ListBillHourlyDetailsResponse {
  const page = rows.slice(0, plan.limit);
  const last = page.at(-1);
  return {
    bill_hourly_details: page.map((row) => toDetail(row, bill, tenantId)),
    next_page_token: rows.length > plan.limit && last ? encodePageToken(plan.fingerprint, { value: last.order_value, id: last.id }) : '',
    total_size: groups.reduce((total, g) => total + g.rows, 0),
    filter: toFacets(groups, bill.zh),
  };
}

/** Seed 004 `GET /v1/bills/{bill_id}/hourlyDetails` for the caller's tenant (another tenant's bill is 404). */
export async function listBillHourlyDetails(input: HourlyDetailsInput): Promise<ListBillHourlyDetailsResponse> {
  const bill = await billContext(input.tenantId, input.billId);
  const plan = planHourlyQuery(input, bill);
  const [rows, groups] = await Promise.all([prisma.$queryRaw<HourlyRow[]>(plan.rows), prisma.$queryRaw<FacetRow[]>(plan.facets)]);
  return hourlyPage(plan, rows, groups, bill, input.tenantId);
}
