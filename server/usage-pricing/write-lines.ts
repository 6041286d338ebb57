import type { Tx } from '../transaction';
import { Prisma } from '../db';
import { newId } from '../ids';
import { now } from '../clock';
import { Decimal, toDecimalString, ZERO } from '../money';
import type { PricedHour } from './price-series';
import type { ChargeTarget } from './accounts';
import type { SkuForPricing } from './context';
import type { ExistingLine } from './read-period';

export type NewLine = PricedHour & {
  resourceType: string;
  sku: SkuForPricing;
  target: ChargeTarget;
  subscriptionId: string | null;
  billId: string;
  consumeType: 'consumption' | 'reconciliation';
  provisional: boolean;
  consumeDesc: string | null;
};

export type LineUpdate = { existing: ExistingLine; priced: PricedHour };

/** Pending writes of one pricing call, applied in a few set-based statements. */
export class LineWriter {
  readonly inserts: NewLine[] = [];
  readonly updates: LineUpdate[] = [];
  /** Σ amount change per bill, applied to bills.amount. */
  readonly billDeltas = new Map<string, Decimal>();

  constructor(private readonly tenantId: string, private readonly currency: string) {}

  insert(line: NewLine): void {
    this.inserts.push(line);
    this.addToBill(line.billId, line.amount);
  }

  /** Re-price a provisional line in place (its id and creation time stay, so keyset paging stays stable; an open line carries no voucher). */
  update(existing: ExistingLine, priced: PricedHour): void {
    const same = existing.quantity.eq(priced.quantity) && existing.includedQuantity.eq(priced.includedQuantity)
      && existing.unitPrice.eq(priced.unitPrice) && existing.originalAmount.eq(priced.originalAmount) && existing.discountAmount.eq(priced.discountAmount)
      && existing.couponAmount.eq(priced.couponAmount);
    if (same) return;
    this.updates.push({ existing, priced });
    this.addToBill(existing.billId, priced.amount.minus(existing.amount));
  }

  private addToBill(billId: string, delta: Decimal): void {
    this.billDeltas.set(billId, (this.billDeltas.get(billId) ?? ZERO).plus(delta));
  }

  async flush(tx: Tx): Promise<void> {
    const at = now();
    if (this.inserts.length) {
      await tx.chargeLine.createMany({ data: this.inserts.map((line) => this.row(line, at)) });
    }
    if (this.updates.length) await this.applyUpdates(tx, at);
    const bills = [...this.billDeltas].filter(([, delta]) => !delta.isZero());
    if (bills.length) {
      await tx.$executeRaw`
        UPDATE bills b SET amount = b.amount + d.delta, updated_at = ${at}
        FROM unnest(${bills.map(([id]) => id)}::text[], ${bills.map(([, d]) => toDecimalString(d))}::numeric[]) AS d(id, delta)
        WHERE b.tenant_id = ${this.tenantId} AND b.id = d.id`;
    }
  }

  private async applyUpdates(tx: Tx, at: Date): Promise<void> {
    const col = (pick: (p: PricedHour) => Decimal) => this.updates.map((u) => toDecimalString(pick(u.priced)));
    await tx.$executeRaw`
      UPDATE charge_lines c SET quantity = u.quantity, included_quantity = u.included, unit_price = u.unit_price,
        original_amount = u.original, discount_amount = u.discount, coupon_amount = u.coupon, voucher_amount = 0, amount = u.amount,
        unpaid_amount = u.amount - c.paid_amount, updated_at = ${at}
      FROM unnest(${this.updates.map((u) => u.existing.id)}::text[], ${col((p) => p.quantity)}::numeric[], ${col((p) => p.includedQuantity)}::numeric[],
        ${col((p) => p.unitPrice)}::numeric[], ${col((p) => p.originalAmount)}::numeric[], ${col((p) => p.discountAmount)}::numeric[], ${col((p) => p.couponAmount)}::numeric[],
        ${col((p) => p.amount)}::numeric[])
        AS u(id, quantity, included, unit_price, original, discount, coupon, amount)
      WHERE c.tenant_id = ${this.tenantId} AND c.id = u.id AND c.provisional`;
  }

  private row(line: NewLine, at: Date): Prisma.ChargeLineCreateManyInput {
    return {
      tenantId: this.tenantId, id: newId('chg'), billId: line.billId, billingAccountId: line.target.billingAccountId,
      resourceGroupId: line.target.resourceGroupId, resourceId: line.target.resourceId, ownerUserId: line.target.ownerUserId,
      subscriptionId: line.subscriptionId, namespaceId: line.namespaceId, appId: line.appId === '' ? null : line.appId,
      skuId: line.sku.skuId, spuId: line.sku.spuId, categoryId: line.sku.categoryId, resourceType: line.resourceType, hourStart: line.hourStart,
      quantity: toDecimalString(line.quantity), includedQuantity: toDecimalString(line.includedQuantity), unitPrice: toDecimalString(line.unitPrice),
      originalAmount: toDecimalString(line.originalAmount), discountAmount: toDecimalString(line.discountAmount),
      couponAmount: toDecimalString(line.couponAmount), voucherAmount: toDecimalString(line.voucherAmount), amount: toDecimalString(line.amount),
      unpaidAmount: toDecimalString(line.amount), currency: this.currency, paymentModel: 'postpaid', consumeType: line.consumeType,
      consumeDesc: line.consumeDesc, provisional: line.provisional, createdAt: at,
    };
  }
}
