/**
 * The floor of `npm run bench:pdf`'s seed 001 measurement: a bare `node:http` + `pg` server in its
 * own process (as the other benches' floors), answering `GET /billing/records/{tenant_id}` with the
 * statements the portal runs (the API key with its tenant in one, server/rest/api-key-sql.ts via
 * floor-auth.ts; then the count, the page of records and their line items in one,
 * server/invoices/records-sql.ts) on a pool of the portal's size, and writing the same bytes by
 * hand: no Next, no edge, no guard, no schema parse, no JSON writer.
 *
 * Usage: DATABASE_URL=… node --import tsx scripts/bench/records-floor.ts --port N
 */
import { billingRecordsPageSql } from '../../server/invoices/records-sql';
import { authenticateKey, credentialOf } from './floor-auth';
import { floorPool, serveFloor } from './floor-http';

const pool = floorPool();

const PAGE_SQL = billingRecordsPageSql(false);
const PAGE_SIZE = 20;

/** numeric as its own digits without trailing zeros (what the portal's one JSON writer prints). */
const digits = (value: string) => (value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value);
/** Whole units, half up (quantities are non-negative). */
const wholeUnits = (value: string) => {
  const [whole = '0', fraction = ''] = value.split('.');
  return fraction && fraction[0]! >= '5' ? (BigInt(whole) + 1n).toString() : BigInt(whole).toString();
};
const rfc3339 = (at: Date) => at.toISOString().replace('.000Z', 'Z');
const q = JSON.stringify;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function recordJson(row: Row): string {
  const lineItems = (row.line_items as Record<string, string>[]).map((l) => `{"amount":${digits(l.amount!)},"description":${q(l.description)},"quantity":${wholeUnits(l.quantity!)},"resource_type":${q(l.resourceType)},"tax_amount":${digits(l.taxAmount!)},"tax_rate":${digits(l.taxRate!)},"unit_price":${digits(l.unitPrice!)}}`);
  return `{"amount":${digits(row.amount)},"app_id":${q(row.app_id ?? '')},"created_at":${q(rfc3339(row.created_at))},"currency":${q(row.currency)},"description":${q(row.description)},"invoice_number":${q(row.invoice_number ?? '')},"line_items":[${lineItems.join(',')}],"record_id":${q(row.id)},"status":${q(row.status)},"tenant_id":${q(row.tenant_id)},"type":${q(row.type)}}`;
}

/** The first page (the bench's request), newest first. */
async function records(token: string | undefined, tenantId: string): Promise<[number, string]> {
  const caller = await authenticateKey(pool, token, 'read');
  if ('status' in caller) return [caller.status, q(caller.message)];
  const at = new Date();
  if (tenantId !== caller.key.tenant_id) return [404, q('tenant not found')];
  const { rows } = await pool.query(PAGE_SQL, [tenantId, String(PAGE_SIZE), '0']);
  const total = Number(rows[0].total);
  const totalPages = Math.ceil(total / PAGE_SIZE);
  const items = rows.filter((row) => row.id !== null).map(recordJson);
  const pagination = `{"has_next":${1 < totalPages},"has_prev":false,"page":1,"page_size":${PAGE_SIZE},"total":${total},"total_pages":${totalPages}}`;
  return [200, `{"code":200,"message":"ok","items":[${items.join(',')}],"total":${total},"pagination":${pagination},"timestamp":${q(rfc3339(at))}}`];
}

const RECORDS = /^\/billing\/records\/([^/?]+)/;

serveFloor(pool, async (req) => {
  const tenantId = RECORDS.exec(req.url ?? '')?.[1];
  if (req.method !== 'GET' || tenantId === undefined) return [404, q('not found')];
  return records(credentialOf(req.headers), decodeURIComponent(tenantId));
});
