/**
 * The floor of `npm run bench:bills`: a bare `node:http` + `pg` server answering seed 004
 * `GET /v1/bills/{bill_id}/hourlyDetails` and seed 002 `GET /api/v1/billing/detail/list` with the
 * very statements the portal runs (server/bills plans them as parameterised SQL; this runs their
 * text with pg), printed by the same functions and the same JSON writer — no Next, no edge, no
 * guard, no Prisma client. Only the key check and the two small lookups (the bill and its tenant;
 * the SKUs and namespaces) are written here as the equivalent statements.
 *
 * Usage: DATABASE_URL=… COUNTERFOIL_DATA_DIR=… node --import tsx scripts/bench/bills-floor.ts --port N
 */
import { dailyDetailRows, dailyDetailSql, dailyRange, type DailySums } from '../../server/bills/daily-detail';
import { dailyDetailQuery, dailyDetailResponse } from '../../server/bills/daily-schema';
import { hourlyPage, planHourlyQuery } from '../../server/bills/hourly-details';
import type { FacetRow, HourlyRow } from '../../server/bills/hourly-sql';
import { hourlyDetailsQuery, listBillHourlyDetailsResponse } from '../../server/bills/schema';
import { newEnvelopeMeta, dailyDetailEnvelope } from '../../server/rest/envelopes';
import { writeJson } from '../../server/json';
import { authenticateKey, credentialOf } from './floor-auth';
import { floorPool, serveFloor } from './floor-http';

const pool = floorPool();

const SQL = {
  bill: 'SELECT b.state::text AS state, t.billing_timezone, t.locale, t.tenant_type::text AS tenant_type FROM bills b JOIN tenants t ON t.id = b.tenant_id WHERE b.tenant_id = $1 AND b.id = $2',
  skus: 'SELECT id, name, name_zh AS "nameZh", billing_item_property_name AS "billingItemPropertyName" FROM skus',
  namespaces: 'SELECT id, name FROM namespaces WHERE tenant_id = $1',
};

const run = <T>(sql: { text: string; values: unknown[] }) => pool.query(sql.text, sql.values).then((result) => result.rows as T[]);

async function hourly(tenantId: string, billId: string, url: URL): Promise<[number, string]> {
  const billRow = (await pool.query(SQL.bill, [tenantId, billId])).rows[0];
  if (!billRow) return [404, JSON.stringify({ code: 404, message: 'bill not found', details: [] })];
  const bill = { state: billRow.state, timezone: billRow.billing_timezone, zh: billRow.locale === 'zh-CN', tenantType: String(billRow.tenant_type).toUpperCase() };
  const query = hourlyDetailsQuery.parse(Object.fromEntries(url.searchParams));
  const plan = planHourlyQuery({ tenantId, billId, query }, bill);
  const [rows, groups] = await Promise.all([run<HourlyRow>(plan.rows), run<FacetRow>(plan.facets)]);
  return [200, writeJson(listBillHourlyDetailsResponse.parse(hourlyPage(plan, rows, groups, bill, tenantId)))];
}

async function daily(tenant: Record<string, string>, url: URL, requestId: string): Promise<[number, string]> {
  const query = dailyDetailQuery.parse(Object.fromEntries(url.searchParams));
  const { from, to } = dailyRange(query, tenant.billing_timezone!);
  const [sums, skus, namespaces] = await Promise.all([
    run<DailySums>(dailyDetailSql(tenant.id!, tenant.billing_timezone!, from, to)),
    pool.query(SQL.skus).then((r) => r.rows),
    pool.query(SQL.namespaces, [tenant.id]).then((r) => r.rows),
  ]);
  const rows = dailyDetailResponse.parse(dailyDetailRows(sums, { tenant: { billingTimezone: tenant.billing_timezone!, locale: tenant.locale!, currency: tenant.currency! }, skus, namespaces }));
  const meta = newEnvelopeMeta({ ip: '127.0.0.1', requestId, userAgent: 'floor' });
  return [200, writeJson(dailyDetailEnvelope.success(rows, meta))];
}

const HOURLY = /^\/v1\/bills\/([^/?]+)\/hourlyDetails$/;

async function answer(method: string, rawUrl: string, headers: Record<string, string | string[] | undefined>): Promise<[number, string]> {
  const url = new URL(rawUrl, 'http://floor');
  const caller = await authenticateKey(pool, credentialOf(headers), 'read');
  if ('status' in caller) return [caller.status, JSON.stringify({ code: caller.status, message: caller.message })];
  const match = method === 'GET' ? HOURLY.exec(url.pathname) : null;
  if (match?.[1]) return hourly(caller.tenant.id, decodeURIComponent(match[1]), url);
  if (method === 'GET' && url.pathname === '/api/v1/billing/detail/list') return daily(caller.tenant, url, String(headers['x-request-id'] ?? 'floor'));
  return [404, '"not found"'];
}

serveFloor(pool, (req) => answer(req.method ?? 'GET', req.url ?? '/', req.headers));
