import { inTransaction, type Tx } from '../transaction';
import { newId } from '../ids';
import { now } from '../clock';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { badRequest, notFound } from '../errors';
import { addLocalMonths, toLocal } from '../time/zoned';
import type { DefineCouponInput, GrantCouponInput } from './schema';

/** Adds or updates a catalog coupon (the seed's catalog, staff tooling). Audited as a platform action. */
export async function defineCoupon(input: DefineCouponInput, actor: Actor, tx?: Tx) {
  return inTransaction(tx, async (db) => {
    const data = { title: input.title, titleZh: input.titleZh, percentOff: input.percentOff, resourceType: input.resourceType, durationMonths: input.durationMonths };
    const coupon = await db.coupon.upsert({ where: { code: input.code }, create: { code: input.code, ...data, createdAt: now() }, update: data });
    await recordAudit(db, actor, { tenantId: null, action: 'coupon.define', targetType: 'coupon', targetId: coupon.code, after: { ...data } });
    return coupon;
  });
}

/**
 * Grants a catalog coupon to a tenant from now for the coupon's duration (local months in the
 * tenant's billing zone). It never reaches back: hours before now keep the price they were given,
 * so a closed period never gains a coupon and re-pricing stays deterministic. Pricing applies it
 * to every usage hour in the window (server/usage-pricing/context.ts loadCoupons).
 */
export async function grantCoupon(input: GrantCouponInput, actor: Actor, tx?: Tx) {
  return inTransaction(tx, async (db) => {
    const tenant = await db.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, billingTimezone: true } });
    if (!tenant) throw notFound('tenant', 'TENANT_NOT_FOUND');
    const coupon = await db.coupon.findUnique({ where: { code: input.couponCode } });
    if (!coupon) throw badRequest(`no coupon ${input.couponCode} in the catalog`, 'COUPON_NOT_FOUND');
    const startsAt = now();
    const endsAt = addLocalMonths(startsAt, tenant.billingTimezone, coupon.durationMonths, toLocal(startsAt, tenant.billingTimezone).day);
    const redemption = await db.couponRedemption.create({
      data: { tenantId: tenant.id, id: newId('cpr'), couponCode: coupon.code, startsAt, endsAt, createdBy: actor.userId, reason: input.reason, createdAt: startsAt },
    });
    await recordAudit(db, actor, {
      tenantId: tenant.id, action: 'coupon.grant', targetType: 'coupon_redemption', targetId: redemption.id,
      after: { couponCode: coupon.code, percentOff: coupon.percentOff.toFixed(), resourceType: coupon.resourceType, startsAt, endsAt, reason: input.reason },
    });
    return redemption;
  });
}
