import { z } from 'zod';
import { prisma } from '../db';
import { toDecimalString } from '../money';
import type { TenantScope } from '../tenants/tenant-access';
import { listCatalogPlans } from './plans';

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
export const portalPlan = z.object({
  code: z.string(), name: z.string(), subtitle: z.string(), rank: z.number().int(),
  monthlyPrice: decimal, yearlyPrice: decimal.nullable(), trialDays: z.number().int(), requiresManualApproval: z.boolean(),
  current: z.boolean(),
  entitlements: z.array(z.object({ resourceType: z.string(), name: z.string(), unitName: z.string(), includedUnits: decimal, quotaLimit: decimal.nullable() })),
});
export const portalPlans = z.object({
  currency: z.string(),
  currentPlanCode: z.string().nullable(),
  currentCycle: z.enum(['monthly', 'yearly']).nullable(),
  plans: z.array(portalPlan),
  pending: z.object({ id: z.uuid(), state: z.string(), toPlanCode: z.string(), effectiveAt: z.iso.datetime() }).nullable(),
  /** The latest applied change and the proration record or credit it made. */
  lastChange: z.object({
    id: z.uuid(), fromPlanCode: z.string(), toPlanCode: z.string(), appliedAt: z.iso.datetime(),
    invoiceNumber: z.string().nullable(), invoiceAmount: decimal.nullable(), creditAmount: decimal.nullable(),
  }).nullable(),
});
export type PortalPlans = z.infer<typeof portalPlans>;

/** `catalog.plans`: every plan in the tenant's currency with both cycles' prices and included units; the current one marked. */
export async function listPortalPlans(scope: TenantScope): Promise<PortalPlans> {
  const zh = scope.tenant.locale === 'zh-CN';
  const [plans, sub, yearly] = await Promise.all([
    listCatalogPlans(scope.tenant.currency),
    prisma.subscription.findFirst({ where: { tenantId: scope.tenantId, endedAt: null }, orderBy: { startedAt: 'desc' }, select: { id: true, planCode: true, billingCycle: true } }),
    prisma.planPrice.findMany({ where: { currency: scope.tenant.currency }, select: { planCode: true, yearlyPrice: true } }),
  ]);
  const pending = sub ? await prisma.planTransition.findFirst({ where: { tenantId: scope.tenantId, subscriptionId: sub.id, state: { in: ['creating', 'waiting_for_approval'] } }, orderBy: { createdAt: 'desc' }, select: { id: true, state: true, toPlanCode: true, effectiveAt: true } }) : null;
  const last = sub ? await prisma.planTransition.findFirst({ where: { tenantId: scope.tenantId, subscriptionId: sub.id, state: 'finished' }, orderBy: { appliedAt: 'desc' } }) : null;
  const [record, credit] = await Promise.all([
    last?.billingRecordId ? prisma.billingRecord.findUnique({ where: { tenantId_id: { tenantId: scope.tenantId, id: last.billingRecordId } }, select: { invoiceNumber: true, amount: true } }) : null,
    last?.creditTransactionId ? prisma.creditTransaction.findUnique({ where: { tenantId_id: { tenantId: scope.tenantId, id: last.creditTransactionId } }, select: { amount: true } }) : null,
  ]);
  const yearlyOf = new Map(yearly.map((p) => [p.planCode, p.yearlyPrice]));
  return {
    currency: scope.tenant.currency,
    currentPlanCode: sub?.planCode ?? null,
    currentCycle: sub?.billingCycle ?? null,
    pending: pending ? { ...pending, effectiveAt: pending.effectiveAt.toISOString() } : null,
    lastChange: last ? {
      id: last.id, fromPlanCode: last.fromPlanCode, toPlanCode: last.toPlanCode, appliedAt: (last.appliedAt ?? last.updatedAt).toISOString(),
      invoiceNumber: record?.invoiceNumber ?? null, invoiceAmount: record ? toDecimalString(record.amount) : null, creditAmount: credit ? toDecimalString(credit.amount) : null,
    } : null,
    plans: plans.map((plan) => {
      const price = plan.prices.find((p) => p.currency === scope.tenant.currency)!;
      const y = yearlyOf.get(plan.code);
      return {
        code: plan.code, name: zh ? plan.nameZh : plan.name, subtitle: zh ? plan.subtitleZh : plan.subtitle, rank: plan.rank,
        monthlyPrice: toDecimalString(price.price), yearlyPrice: y ? toDecimalString(y) : null,
        trialDays: plan.trialDays, requiresManualApproval: plan.requiresManualApproval, current: plan.code === sub?.planCode,
        entitlements: plan.entitlements.map((e) => ({
          resourceType: e.resourceType, name: zh ? e.sku.nameZh : e.sku.name, unitName: e.sku.unitName,
          includedUnits: toDecimalString(e.includedUnits), quotaLimit: e.quotaLimit === null ? null : toDecimalString(e.quotaLimit),
        })),
      };
    }),
  };
}
