import type { Tx } from '../transaction';
import { newId } from '../ids';
import { now } from '../clock';
import { Decimal, money, toDecimalString, ZERO } from '../money';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import type { PricingPeriod } from './periods';

type VoucherLeft = { id: string; code: string; resourceType: string | null; validFrom: number; expiresAt: number; left: Decimal; spent: Decimal };
type LineRow = { id: string; bill_id: string; resource_type: string; hour_start: Date; amount: string };

/**
 * Spends the tenant's vouchers on a period's consumption lines, once, when the period closes
 * (closeUsagePeriod calls it on the first close only, in its transaction and under its locks):
 * the lines are walked in time order (hour, namespace, app, resource type), each paid from the
 * vouchers that cover it — the line's hour in [validFrom, expiresAt), the voucher's resource type
 * or any, the tenant's currency — earliest expiry first, until each voucher's balance (amount −
 * Σ redemptions) is gone. A line's voucher_amount lowers its amount, never below 0. One ledger row
 * per voucher and period (unique), so a second close cannot spend twice. Open periods carry no
 * voucher: what a voucher pays is only known once the period's lines are final.
 */
export async function applyVouchers(tx: Tx, tenantId: string, period: PricingPeriod, currency: string, actor: Actor): Promise<{ spent: Decimal; lines: number }> {
  // Row locks on the tenant's vouchers: two periods closing at once cannot spend one balance twice.
  const vouchers = await tx.$queryRaw<{ id: string; code: string; amount: string; resource_type: string | null; valid_from: Date; expires_at: Date; used: string }[]>`
    SELECT v.id, v.code, v.amount::text AS amount, v.resource_type, v.valid_from, v.expires_at,
      COALESCE((SELECT sum(r.amount) FROM voucher_redemptions r WHERE r.tenant_id = v.tenant_id AND r.voucher_id = v.id), 0)::text AS used
    FROM vouchers v
    WHERE v.tenant_id = ${tenantId} AND v.currency = ${currency} AND v.valid_from < ${period.end} AND v.expires_at > ${period.start}
    ORDER BY v.expires_at, v.id
    FOR UPDATE OF v`;
  const open: VoucherLeft[] = vouchers
    .map((v) => ({ id: v.id, code: v.code, resourceType: v.resource_type, validFrom: v.valid_from.getTime(), expiresAt: v.expires_at.getTime(), left: money(v.amount).minus(money(v.used)), spent: ZERO }))
    .filter((v) => v.left.gt(0));
  if (open.length === 0) return { spent: ZERO, lines: 0 };
  const lines = await tx.$queryRaw<LineRow[]>`
    SELECT id, bill_id, resource_type, hour_start, amount::text AS amount FROM charge_lines
    WHERE tenant_id = ${tenantId} AND consume_type = 'consumption' AND hour_start >= ${period.start} AND hour_start < ${period.end} AND amount > 0
    ORDER BY hour_start, namespace_id COLLATE "C", app_id COLLATE "C" NULLS FIRST, resource_type COLLATE "C", id COLLATE "C"`;
  const paid: { line: LineRow; voucher: Decimal }[] = [];
  for (const line of lines) {
    let left = money(line.amount);
    let voucher = ZERO;
    const t = line.hour_start.getTime();
    for (const v of open) {
      if (left.isZero()) break;
      if (v.left.isZero() || t < v.validFrom || t >= v.expiresAt || (v.resourceType !== null && v.resourceType !== line.resource_type)) continue;
      const take = Decimal.min(v.left, left);
      v.left = v.left.minus(take);
      v.spent = v.spent.plus(take);
      left = left.minus(take);
      voucher = voucher.plus(take);
    }
    if (voucher.gt(0)) paid.push({ line, voucher });
    if (open.every((v) => v.left.isZero())) break;
  }
  const used = open.filter((v) => v.spent.gt(0));
  if (used.length === 0) return { spent: ZERO, lines: 0 };
  await writeVoucherAmounts(tx, tenantId, paid);
  const at = now();
  await tx.voucherRedemption.createMany({
    data: used.map((v) => ({ tenantId, id: newId('vrd'), voucherId: v.id, periodKey: period.key, periodStart: period.start, amount: toDecimalString(v.spent), createdAt: at })),
  });
  const spent = used.reduce((s, v) => s.plus(v.spent), ZERO);
  await recordAudit(tx, actor, {
    tenantId, action: 'voucher.redeem', targetType: 'voucher', targetId: used[0]!.id,
    after: { period: period.key, lines: paid.length, vouchers: used.map((v) => ({ id: v.id, code: v.code, amount: toDecimalString(v.spent) })) },
  });
  return { spent, lines: paid.length };
}

/** Sets voucher_amount and lowers amount (and what is unpaid) per line, and each bill's amount by its lines' vouchers. */
async function writeVoucherAmounts(tx: Tx, tenantId: string, paid: { line: LineRow; voucher: Decimal }[]): Promise<void> {
  const at = now();
  await tx.$executeRaw`
    UPDATE charge_lines c SET voucher_amount = c.voucher_amount + u.voucher, amount = c.amount - u.voucher, unpaid_amount = c.unpaid_amount - u.voucher, updated_at = ${at}
    FROM unnest(${paid.map((p) => p.line.id)}::text[], ${paid.map((p) => toDecimalString(p.voucher))}::numeric[]) AS u(id, voucher)
    WHERE c.tenant_id = ${tenantId} AND c.id = u.id`;
  const perBill = new Map<string, Decimal>();
  for (const p of paid) perBill.set(p.line.bill_id, (perBill.get(p.line.bill_id) ?? ZERO).plus(p.voucher));
  await tx.$executeRaw`
    UPDATE bills b SET amount = b.amount - d.voucher, updated_at = ${at}
    FROM unnest(${[...perBill.keys()]}::text[], ${[...perBill.values()].map((d) => toDecimalString(d))}::numeric[]) AS d(id, voucher)
    WHERE b.tenant_id = ${tenantId} AND b.id = d.id`;
}
