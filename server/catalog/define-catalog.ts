import { prisma } from '../db';
import { now } from '../clock';
import { recordAudit } from '../audit/record-audit';
import { money } from '../money';
import type { Actor } from '../audit/actor';
import { invalidateCatalogCache } from './plans';
import type { AddOnInput, PlanInput, ProductInput } from './schema';

/** Defines (or updates) one category → SPU → SKUs branch; a changed price is a new price row, never an edit. */
export async function defineProduct(input: ProductInput, actor: Actor) {
  const effectiveFrom = now();
  await prisma.$transaction(async (tx) => {
    const { category, spu } = input;
    await tx.productCategory.upsert({ where: { id: category.id }, create: category, update: { name: category.name, nameZh: category.nameZh } });
    await tx.spu.upsert({ where: { id: spu.id }, create: { ...spu, categoryId: category.id }, update: { name: spu.name, nameZh: spu.nameZh, categoryId: category.id } });
    for (const [order, { prices, ...sku }] of input.skus.entries()) {
      await tx.sku.upsert({ where: { id: sku.id }, create: { ...sku, spuId: spu.id, sortOrder: order }, update: { ...sku, spuId: spu.id, sortOrder: order } });
      for (const [currency, unitPrice] of Object.entries(prices)) {
        const current = await tx.skuPrice.findFirst({ where: { skuId: sku.id, currency, effectiveFrom: { lte: effectiveFrom } }, orderBy: { effectiveFrom: 'desc' } });
        if (!current || !money(current.unitPrice).eq(money(unitPrice))) {
          await tx.skuPrice.create({ data: { skuId: sku.id, currency, unitPrice, effectiveFrom } });
        }
      }
    }
    await recordAudit(tx, actor, { tenantId: null, action: 'catalog.define_product', targetType: 'spu', targetId: spu.id, after: input });
  });
}

export async function defineAddOn(input: AddOnInput, actor: Actor) {
  const { prices, ...addOn } = input;
  await prisma.$transaction(async (tx) => {
    await tx.addOn.upsert({ where: { code: addOn.code }, create: addOn, update: addOn });
    for (const [currency, price] of Object.entries(prices)) {
      await tx.addOnPrice.upsert({ where: { addOnCode_currency: { addOnCode: addOn.code, currency } }, create: { addOnCode: addOn.code, currency, price }, update: { price } });
    }
    await recordAudit(tx, actor, { tenantId: null, action: 'catalog.define_add_on', targetType: 'add_on', targetId: addOn.code, after: { ...addOn, prices } });
  });
  invalidateCatalogCache();
}

/** Plan prices are copied onto subscriptions and invoice lines, so updating one never moves an old bill. */
export async function definePlan(input: PlanInput, actor: Actor) {
  const { prices, entitlements, addOns, ...plan } = input;
  await prisma.$transaction(async (tx) => {
    await tx.plan.upsert({ where: { code: plan.code }, create: plan, update: plan });
    for (const [currency, price] of Object.entries(prices)) {
      await tx.planPrice.upsert({ where: { planCode_currency: { planCode: plan.code, currency } }, create: { planCode: plan.code, currency, price }, update: { price } });
    }
    await tx.planEntitlement.deleteMany({ where: { planCode: plan.code } });
    await tx.planEntitlement.createMany({ data: entitlements.map((e) => ({ ...e, planCode: plan.code })) });
    await tx.planAddOn.deleteMany({ where: { planCode: plan.code } });
    await tx.planAddOn.createMany({ data: addOns.map((a) => ({ planCode: plan.code, addOnCode: a.code, included: a.included })) });
    await recordAudit(tx, actor, { tenantId: null, action: 'catalog.define_plan', targetType: 'plan', targetId: plan.code, after: { ...plan, prices, entitlements, addOns } });
  });
  invalidateCatalogCache();
}
