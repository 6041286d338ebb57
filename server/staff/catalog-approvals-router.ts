import { z } from 'zod';
import { router } from '../trpc/init';
import { staffProcedure } from '../trpc/procedures';
import { editPlan, editPlanInput, listCatalogForStaff } from '../catalog/edit-plan';
import { approvePlanTransition, listPendingApprovals, rejectPlanTransition } from '../transitions/approvals';

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const staffPlan = z.object({
  code: z.string(), name: z.string(), nameZh: z.string(), rank: z.number().int(), version: z.number().int(), active: z.boolean(), subscribers: z.number().int(),
  trialDays: z.number().int(), gracePeriodDays: z.number().int(), requiresManualApproval: z.boolean(),
  upgradeProration: z.enum(['prorate_now', 'at_renewal']), downgradeProration: z.enum(['at_period_end', 'prorate_now_credit']),
  prices: z.array(z.object({ currency: z.string(), monthly: decimal, yearly: decimal.nullable() })),
  entitlements: z.array(z.object({ resourceType: z.string(), includedUnits: decimal, quotaLimit: decimal.nullable() })),
});
const transitionRef = z.strictObject({ transitionId: z.uuid() });
const outcome = z.object({ id: z.uuid(), state: z.string() });

/** `staff.catalog.*`: only staff admins change the catalog (and everyone pays by it). */
export const staffCatalogRouter = router({
  plans: staffProcedure('admin').output(z.array(staffPlan)).query(() => listCatalogForStaff()),
  editPlan: staffProcedure('admin').input(editPlanInput).output(z.object({ code: z.string(), version: z.number().int(), versioned: z.boolean(), subscribers: z.number().int() }))
    .mutation(({ ctx, input }) => editPlan(input, ctx.actor)),
});

/** `staff.approvals.*`: plan changes waiting for a person (enterprise), decided by staff admins. */
export const staffApprovalsRouter = router({
  list: staffProcedure('admin').output(z.array(z.object({
    id: z.uuid(), tenantId: z.string(), tenantName: z.string(), fromPlan: z.string(), toPlan: z.string(), currency: z.string(), toPrice: decimal, requestedAt: z.iso.datetime(),
  }))).query(() => listPendingApprovals()),
  approve: staffProcedure('admin').input(transitionRef).output(outcome).mutation(({ ctx, input }) => approvePlanTransition(input, ctx.actor)),
  reject: staffProcedure('admin').input(transitionRef.extend({ reason: z.string().trim().min(1).max(500) })).output(outcome)
    .mutation(({ ctx, input }) => rejectPlanTransition(input, ctx.actor)),
});
