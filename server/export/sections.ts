import { prisma } from '../db';
import { Decimal, money, toDecimalString, type DecimalLike } from '../money';
import { rfc3339 } from '../time/rfc3339';
import { getCreditBalance } from '../credits/ledger';
import { toBillingRecordResponse, type BillingLineRow, type BillingRecordRow } from '../invoices/billing-record-response';

/**
 * Each section of one tenant's export, read in keyset-paged batches (never OFFSET, never the
 * whole table): a generator yields seed-000 DTOs one at a time, so the stream writes each as it
 * goes and at most one batch is held. Amounts stay Decimals for the one JSON writer.
 */
export const EXPORT_BATCH = 1000;

const text = (value: string | null | undefined) => value ?? '';
const when = (value: Date | null | undefined) => (value ? rfc3339(value) : '');
/** Integer fields of the seed that we store as numeric: whole units, half up. */
const whole = (value: DecimalLike | null | undefined) => (value === null || value === undefined ? new Decimal(0) : money(value).toDecimalPlaces(0, Decimal.ROUND_HALF_UP));
const exact = (value: DecimalLike) => money(value);

export async function* subscriptions(tenantId: string) {
  for (let after = ''; ;) {
    const rows = await prisma.subscription.findMany({ where: { tenantId, id: { gt: after } }, orderBy: { id: 'asc' }, take: EXPORT_BATCH });
    for (const row of rows) {
      yield {
        admin_user_id: row.adminUserId, amount: exact(row.amount), auto_renew: row.autoRenew, billing_cycle: row.billingCycle,
        cancel_at_period_end: row.cancelAtPeriodEnd, currency: row.currency, current_period_end: when(row.currentPeriodEnd),
        current_period_start: when(row.currentPeriodStart), grace_period_days: row.gracePeriodDays, plan_id: row.planCode,
        status: row.status, tenant_id: row.tenantId, trial_end_date: when(row.trialEndDate),
      };
    }
    if (rows.length < EXPORT_BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

type RecordRow = {
  id: string; app_id: string | null; invoice_number: string | null; type: string; status: string; description: string; currency: string; amount: string; created_at: Date;
  li_description: string | null; li_resource_type: string | null; li_quantity: string | null; li_unit_price: string | null; li_amount: string | null; li_tax_rate: string | null; li_tax_amount: string | null;
};

/** The joined rows of one record (a record without lines has one row, its line columns null) as the shared mapping's input. */
function recordOf(tenantId: string, rows: readonly RecordRow[]): BillingRecordRow {
  const row = rows[0]!;
  const lineItems: BillingLineRow[] = rows.filter((li) => li.li_amount !== null).map((li) => ({
    amount: li.li_amount!, description: li.li_description!, quantity: li.li_quantity!, resourceType: li.li_resource_type!,
    taxAmount: li.li_tax_amount!, taxRate: li.li_tax_rate!, unitPrice: li.li_unit_price!,
  }));
  return {
    id: row.id, tenantId, appId: row.app_id, invoiceNumber: row.invoice_number, type: row.type, status: row.status, description: row.description,
    currency: row.currency, amount: row.amount, createdAt: row.created_at, lineItems,
  };
}

/**
 * One statement per batch: a page of records by id, joined to their lines in position order (numerics as text, exact);
 * each record is written by the same BillingRecordResponse mapping as the seed-001 list.
 */
export async function* billingRecords(tenantId: string) {
  for (let after = ''; ;) {
    const rows = await prisma.$queryRaw<RecordRow[]>`
      WITH page AS (
        SELECT id, app_id, invoice_number, type::text, status::text, description, currency, amount::text, created_at
        FROM billing_records WHERE tenant_id = ${tenantId} AND id > ${after} ORDER BY id LIMIT ${EXPORT_BATCH})
      SELECT page.*, li.description AS li_description, li.resource_type AS li_resource_type, li.quantity::text AS li_quantity,
        li.unit_price::text AS li_unit_price, li.amount::text AS li_amount, li.tax_rate::text AS li_tax_rate, li.tax_amount::text AS li_tax_amount
      FROM page LEFT JOIN billing_line_items li ON li.tenant_id = ${tenantId} AND li.billing_record_id = page.id
      ORDER BY page.id, li.position`;
    let count = 0;
    for (let start = 0; start < rows.length;) {
      let end = start + 1;
      while (end < rows.length && rows[end]!.id === rows[start]!.id) end += 1;
      count += 1;
      after = rows[start]!.id;
      yield toBillingRecordResponse(recordOf(tenantId, rows.slice(start, end)));
      start = end;
    }
    if (count < EXPORT_BATCH) return;
  }
}

export async function creditBalance(tenantId: string) {
  const balance = await getCreditBalance(tenantId);
  return { balance: balance.balance, currency: balance.currency, tenant_id: tenantId, updated_at: when(balance.updatedAt) };
}

export async function* creditTransactions(tenantId: string) {
  for (let after = -1; ;) {
    const rows = await prisma.creditTransaction.findMany({ where: { tenantId, seq: { gt: after } }, orderBy: { seq: 'asc' }, take: EXPORT_BATCH });
    for (const row of rows) {
      yield {
        amount: exact(row.amount), balance: exact(row.balance), created_at: when(row.createdAt), id: row.id, remark: row.remark,
        source: row.source, source_id: text(row.sourceId), tenant_id: row.tenantId, type: row.type,
      };
    }
    if (rows.length < EXPORT_BATCH) return;
    after = rows[rows.length - 1]!.seq;
  }
}

type DayRow = { day: Date; api: string; bandwidth: string; storage: string; users: string; logins: string; failed: string; mfa: string };

/**
 * One row per day of the tenant's daily usage rollup (tenant-local days), all from the same metering
 * events (server/usage/ingest.ts): counters summed (api_calls, bandwidth_gb, login_attempts,
 * failed_logins, mfa_verifications), gauges at the day's peak (storage_gb, active_users).
 */
export async function* usageStats(tenantId: string) {
  for (let after = new Date(0); ;) {
    const rows = await prisma.$queryRaw<DayRow[]>`
      SELECT day,
        COALESCE(SUM(quantity) FILTER (WHERE resource_type = 'api_calls'), 0)::text AS api,
        COALESCE(SUM(quantity) FILTER (WHERE resource_type = 'bandwidth_gb'), 0)::text AS bandwidth,
        COALESCE(MAX(COALESCE(max_value, quantity)) FILTER (WHERE resource_type = 'storage_gb'), 0)::text AS storage,
        COALESCE(MAX(COALESCE(max_value, quantity)) FILTER (WHERE resource_type = 'active_users'), 0)::text AS users,
        COALESCE(SUM(quantity) FILTER (WHERE resource_type = 'login_attempts'), 0)::text AS logins,
        COALESCE(SUM(quantity) FILTER (WHERE resource_type = 'failed_logins'), 0)::text AS failed,
        COALESCE(SUM(quantity) FILTER (WHERE resource_type = 'mfa_verifications'), 0)::text AS mfa
      FROM usage_daily WHERE tenant_id = ${tenantId} AND day > ${after}::date
      GROUP BY day ORDER BY day LIMIT ${EXPORT_BATCH}`;
    for (const row of rows) {
      yield {
        api_requests: whole(row.api), bandwidth_used: whole(row.bandwidth), date: row.day.toISOString().slice(0, 10), failed_logins: whole(row.failed),
        login_attempts: whole(row.logins), mfa_verifications: whole(row.mfa), storage_used: whole(row.storage), user_count: whole(row.users),
      };
    }
    if (rows.length < EXPORT_BATCH) return;
    after = rows[rows.length - 1]!.day;
  }
}

export async function* usageAlerts(tenantId: string) {
  for (let after = ''; ;) {
    const rows = await prisma.usageAlert.findMany({ where: { tenantId, id: { gt: after } }, orderBy: { id: 'asc' }, take: EXPORT_BATCH });
    for (const row of rows) {
      yield {
        app_id: text(row.appId), created_at: when(row.createdAt), id: row.id, last_triggered_at: when(row.lastTriggeredAt), name: row.name,
        notification_channels: row.notificationChannels, resource_type: row.resourceType, status: row.status, tenant_id: row.tenantId,
        threshold_percent: row.thresholdPercent ?? 0, updated_at: when(row.updatedAt),
      };
    }
    if (rows.length < EXPORT_BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

type MeteredRow = { period_start: Date; period_end: Date; resource_type: string; included: string; usage: string; overage_units: string; overage_amount: string; status: string };

/** One row per period × resource type (summed over the period's subscriptions; `open` while any is open). */
export async function* meteredBilling(tenantId: string) {
  for (let after: [Date, string] = [new Date(0), '']; ;) {
    const rows = await prisma.$queryRaw<MeteredRow[]>`
      SELECT period_start, MAX(period_end) AS period_end, resource_type,
        SUM(included_units)::text AS included, SUM(total_usage)::text AS usage, SUM(overage_units)::text AS overage_units,
        SUM(overage_amount)::text AS overage_amount, CASE WHEN bool_or(status = 'open') THEN 'open' WHEN bool_or(status = 'closed') THEN 'closed' ELSE 'invoiced' END AS status
      FROM metered_billing_items WHERE tenant_id = ${tenantId} AND (period_start, resource_type) > (${after[0]}, ${after[1]})
      GROUP BY period_start, resource_type ORDER BY period_start, resource_type LIMIT ${EXPORT_BATCH}`;
    for (const row of rows) {
      yield {
        included_units: whole(row.included), overage_amount: toDecimalString(row.overage_amount), overage_units: whole(row.overage_units),
        period_end: when(row.period_end), period_start: when(row.period_start), resource_type: row.resource_type, status: row.status, total_usage: whole(row.usage),
      };
    }
    if (rows.length < EXPORT_BATCH) return;
    const last = rows[rows.length - 1]!;
    after = [last.period_start, last.resource_type];
  }
}
