import { randomUUID } from 'node:crypto';
import type { SeededTenant } from '../../prisma/seed/factories';
import { prisma } from '../db';
import { newId } from '../ids';
import { Decimal, money, sum } from '../money';
import type { ConsumeType, PaymentModel } from '../generated/prisma/enums';

/**
 * Test support for seed 004: a billing account, a management group, a resource group with one
 * resource, one bill of `month`, and charge lines as the pricing would write them. Lines are
 * written directly (with their invariants: amount = original − discount − coupon − voucher =
 * paid + unpaid), so these tests exercise the read side on exactly the rows they describe.
 */
export type LineSpec = {
  skuId: string;
  hour: Date;
  quantity: string;
  unitPrice: string;
  discount?: string;
  coupon?: string;
  voucher?: string;
  paid?: string;
  consumeType?: ConsumeType;
  paymentModel?: PaymentModel;
  createdAt?: Date;
};

const SKU_PARENTS: Record<string, { spuId: string; categoryId: string; resourceType: string }> = {};

async function skuParents(skuId: string) {
  const known = SKU_PARENTS[skuId];
  if (known) return known;
  const sku = await prisma.sku.findUniqueOrThrow({ where: { id: skuId }, select: { spuId: true, resourceType: true, spu: { select: { categoryId: true } } } });
  return (SKU_PARENTS[skuId] = { spuId: sku.spuId, categoryId: sku.spu.categoryId, resourceType: sku.resourceType });
}

export async function seedBillAccount(seeded: SeededTenant) {
  const tenantId = seeded.tenant.id;
  const account = await prisma.billingAccount.create({ data: { tenantId, id: newId('ba'), name: `main-${randomUUID().slice(0, 8)}`, displayName: '主账户', currency: seeded.tenant.currency } });
  const group = await prisma.managementGroup.create({ data: { tenantId, id: newId('mg'), uuid: randomUUID(), displayName: '研发部' } });
  const resourceGroup = await prisma.resourceGroup.create({
    data: { tenantId, id: newId('rg'), name: `rg-${randomUUID().slice(0, 8)}`, billingAccountId: account.id, managementGroupId: group.id, ownerUserId: seeded.users.owner.id },
  });
  const resource = await prisma.resource.create({
    data: { tenantId, id: newId('res'), name: 'checkout-web', resourceGroupId: resourceGroup.id, ownerUserId: seeded.users.admin.id, appId: seeded.apps[0]?.id ?? null },
  });
  return { account, group, resourceGroup, resource };
}

export async function seedBillWithLines(seeded: SeededTenant, month: { billMonth: string; start: Date; end: Date }, lines: LineSpec[]) {
  const tenantId = seeded.tenant.id;
  const currency = seeded.tenant.currency;
  const { account, resourceGroup, resource } = await seedBillAccount(seeded);
  const subscription = await prisma.subscription.findFirst({ where: { tenantId }, select: { id: true } });
  const bill = await prisma.bill.create({
    data: { tenantId, id: newId('bill'), billingAccountId: account.id, billMonth: month.billMonth, periodStart: month.start, periodEnd: month.end, currency },
  });
  const rows = [];
  for (const spec of lines) {
    const parents = await skuParents(spec.skuId);
    const original = money(spec.quantity).times(money(spec.unitPrice));
    const amount = original.minus(money(spec.discount ?? '0')).minus(money(spec.coupon ?? '0')).minus(money(spec.voucher ?? '0'));
    const paid = money(spec.paid ?? '0');
    rows.push({
      tenantId, id: newId('chg'), billId: bill.id, billingAccountId: account.id, resourceGroupId: resourceGroup.id, resourceId: resource.id,
      subscriptionId: subscription?.id ?? null, ownerUserId: seeded.users.admin.id, skuId: spec.skuId, spuId: parents.spuId, categoryId: parents.categoryId,
      resourceType: parents.resourceType, hourStart: spec.hour, quantity: money(spec.quantity), unitPrice: money(spec.unitPrice), originalAmount: original,
      discountAmount: money(spec.discount ?? '0'), couponAmount: money(spec.coupon ?? '0'), voucherAmount: money(spec.voucher ?? '0'), amount,
      paidAmount: paid, unpaidAmount: amount.minus(paid), currency, paymentModel: spec.paymentModel ?? 'postpaid', consumeType: spec.consumeType ?? 'consumption',
      createdAt: spec.createdAt ?? spec.hour,
    });
  }
  await prisma.chargeLine.createMany({ data: rows });
  const total: Decimal = sum(rows.map((row) => row.amount));
  await prisma.bill.update({ where: { tenantId_id: { tenantId, id: bill.id } }, data: { amount: total } });
  return { bill, account, resourceGroup, resource, lines: rows, total };
}
