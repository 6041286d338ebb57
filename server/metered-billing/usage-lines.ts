import { Decimal, money, roundToMinor, sum, ZERO } from '../money';
import type { InvoiceLineInput } from '../billing/issue-invoice';

/** One group of charge lines as the period close reads them (sums per consume type × SKU × unit price). */
export type ChargeGroup = {
  consumeType: 'consumption' | 'reconciliation' | 'refund';
  resourceType: string;
  skuId: string;
  unitPrice: Decimal;
  quantity: Decimal;
  includedQuantity: Decimal;
  couponAmount: Decimal;
  voucherAmount: Decimal;
  amount: Decimal;
};

const LABEL = { consumption: 'overage', reconciliation: 'reconciliation of a closed period', refund: 'refund' } as const;

/**
 * The usage invoice's lines for one period, from its charge lines:
 * - per consume type × resource type × unit price: quantity = Σ (quantity − included) — the
 *   overage — at the SKU price the lines used (issueInvoice rounds each line half up);
 * - coupons and vouchers the lines carry, as negative lines;
 * - per consume type × resource type, a rounding line when the hourly lines (each rounded to the
 *   minor unit on its own) add up to a different amount than the overage line, so the invoice
 *   bills exactly what seeds 004 and 002 show.
 */
export function usageInvoiceLines(groups: ChargeGroup[], currency: string, period: { start: Date; end: Date }): InvoiceLineInput[] {
  const lines: InvoiceLineInput[] = [];
  const byType = new Map<string, ChargeGroup[]>();
  for (const g of [...groups].sort(compareGroups)) {
    const key = `${g.consumeType}|${g.resourceType}`;
    byType.set(key, [...(byType.get(key) ?? []), g]);
  }
  const span = { periodStart: period.start, periodEnd: period.end };
  for (const members of byType.values()) {
    const { consumeType, resourceType, skuId } = members[0]!;
    const billed: Decimal[] = [];
    for (const g of members) {
      const units = g.quantity.minus(g.includedQuantity);
      if (units.isZero()) continue;
      lines.push({ resourceType, skuId: g.skuId, description: `${resourceType} ${LABEL[consumeType]}`, quantity: units, unitPrice: g.unitPrice, ...span });
      billed.push(roundToMinor(units.times(g.unitPrice), currency));
    }
    for (const [kind, total] of [['coupon', sum(members.map((g) => g.couponAmount))], ['voucher', sum(members.map((g) => g.voucherAmount))]] as const) {
      const amount = roundToMinor(total, currency);
      if (amount.isZero()) continue;
      lines.push({ resourceType, skuId, description: `${resourceType} ${kind}`, quantity: '1', unitPrice: amount.negated(), ...span });
      billed.push(amount.negated());
    }
    const rounding = roundToMinor(sum(members.map((g) => g.amount)), currency).minus(sum(billed));
    if (!rounding.isZero()) lines.push({ resourceType, skuId, description: `${resourceType} rounding of hourly lines`, quantity: '1', unitPrice: rounding, ...span });
  }
  return lines;
}

const ORDER = { consumption: 0, reconciliation: 1, refund: 2 } as const;

function compareGroups(a: ChargeGroup, b: ChargeGroup): number {
  return ORDER[a.consumeType] - ORDER[b.consumeType] || cmp(a.resourceType, b.resourceType) || a.unitPrice.comparedTo(b.unitPrice);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What the tenant owes for these lines before tax (each line rounded as issueInvoice rounds it). */
export function linesSubtotal(lines: InvoiceLineInput[], currency: string): Decimal {
  return lines.reduce<Decimal>((total, l) => total.plus(roundToMinor(money(l.quantity).times(money(l.unitPrice)), currency)), ZERO);
}
