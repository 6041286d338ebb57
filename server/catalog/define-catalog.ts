import { z } from 'zod';
import { prisma } from '../db';
import { now } from '../clock';
import { recordAudit } from '../audit/record-audit';
import { money } from '../money';
import type { Actor } from '../audit/actor';
import { invalidateCatalogCache } from './plans';

const decimalString = z.string().regex(/^\d{1,21}(\.\d{1,9})?$/, 'a non-negative decimal with at most 9 places');
const localized = { name: z.string().min(1), nameZh: z.string().min(1) };

export const productInput = z.strictObject({
  category: z.strictObject({ id: z.string().regex(/^cat_[a-z0-9_]+$/), ...localized }),
  spu: z.strictObject({ id: z.string().regex(/^spu_[a-z0-9_]+$/), ...localized }),
  skus: z.array(z.strictObject({
    id: z.string().regex(/^sku_[a-z0-9_]+$/), ...localized,
    resourceType: z.string().regex(/^[a-z][a-z0-9_]*$/), billingItemPropertyName: z.string().min(1), unitName: z.string().min(1),
    meterKind: z.enum(['counter', 'gauge']), prices: z.record(z.string().length(3), decimalString),
  })).min(1),
});

/** Defines (or updates) one category → SPU → SKUs branch; a changed price is a new price row, never an edit. */
export async function defineProduct(raw: z.input<typeof productInput>, actor: Actor) {
  const input = productInput.parse(raw);
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

export const planInput = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]*$/), ...localized,
  subtitle: z.string().default(''), subtitleZh: z.string().default(''),
  description: z.string().default(''), descriptionZh: z.string().default(''),
  planType: z.enum(['free', 'individual', 'team', 'organization']),
  tenantType: z.enum(['freemium', 'enterprise']),
  rank: z.number().int().min(0),
  billingCycle: z.enum(['monthly', 'yearly']).default('monthly'),
  trialDays: z.number().int().min(0).max(365).default(0),
  gracePeriodDays: z.number().int().min(0).max(90).default(7),
  requiresManualApproval: z.boolean().default(false),
  transitionMethod: z.enum(['wizard', 'support', 'recreate']).default('wizard'),
  upgradeProration: z.enum(['prorate_now', 'at_renewal']).default('prorate_now'),
  downgradeProration: z.enum(['at_period_end', 'prorate_now_credit']).default('at_period_end'),
  objectLimits: z.record(z.string(), z.strictObject({ maximum: z.number().int() })).default({}),
  prices: z.record(z.string().length(3), decimalString),
  entitlements: z.array(z.strictObject({ resourceType: z.string(), includedUnits: decimalString, quotaLimit: decimalString.nullable().default(null), gaugeBilling: z.enum(['peak', 'average']).default('peak') })),
  addOns: z.array(z.strictObject({ code: z.string(), included: z.boolean() })).default([]),
});

export const addOnInput = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/), ...localized,
  description: z.string().default(''), descriptionZh: z.string().default(''),
  prices: z.record(z.string().length(3), decimalString),
});

export async function defineAddOn(raw: z.input<typeof addOnInput>, actor: Actor) {
  const { prices, ...addOn } = addOnInput.parse(raw);
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
export async function definePlan(raw: z.input<typeof planInput>, actor: Actor) {
  const { prices, entitlements, addOns, ...plan } = planInput.parse(raw);
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
