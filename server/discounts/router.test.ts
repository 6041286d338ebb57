import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant, seedUser, uniqueSuffix, type SeededTenant } from '../../prisma/seed/factories';
import { callerFor } from '../../test/harness';
import { prisma } from '../db';

let A: SeededTenant;
beforeAll(async () => {
  A = await seedTestTenant('CNY');
});

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

describe('discounts over tRPC', () => {
  it('staff.discounts.*: finance and admin grant coupons and issue vouchers with a reason, audited; support and tenant owners cannot', async () => {
    const finance = await seedUser(`finance-${uniqueSuffix()}@staff.test`, 'Finance', { staffRole: 'finance' });
    const admin = await seedUser(`admin-${uniqueSuffix()}@staff.test`, 'Admin', { staffRole: 'admin' });
    const support = await seedUser(`support-${uniqueSuffix()}@staff.test`, 'Support', { staffRole: 'support' });
    const coupon = await (await callerFor(finance.id, null)).staff.discounts.grantCoupon({ tenantId: A.tenant.id, couponCode: 'BANDWIDTH10', reason: 'launch promotion' });
    expect(coupon.couponCode).toBe('BANDWIDTH10');
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: 'coupon.grant', targetId: coupon.id } })).toMatchObject({ tenantId: A.tenant.id, actorKind: 'staff', actorUserId: finance.id });
    const voucherInput = { tenantId: A.tenant.id, code: 'SPRING-200', amount: '200', expiresAt: inDays(90), reason: 'spring campaign' };
    const voucher = await (await callerFor(admin.id, null)).staff.discounts.issueVoucher(voucherInput);
    expect(voucher).toMatchObject({ code: 'SPRING-200', amount: '200', currency: 'CNY' });
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: 'voucher.issue', targetId: voucher.id } })).toMatchObject({ tenantId: A.tenant.id, actorKind: 'staff', actorUserId: admin.id });

    const before = [await prisma.couponRedemption.count({ where: { tenantId: A.tenant.id } }), await prisma.voucher.count({ where: { tenantId: A.tenant.id } })];
    for (const caller of [await callerFor(support.id, null), await callerFor(A.users.owner.id, A.tenant.id)]) {
      expect(codeOf(await caller.staff.discounts.grantCoupon({ tenantId: A.tenant.id, couponCode: 'WELCOME5', reason: 'nope' }).catch((e: unknown) => e))).toBe('FORBIDDEN');
      expect(codeOf(await caller.staff.discounts.issueVoucher({ ...voucherInput, code: 'OTHER' }).catch((e: unknown) => e))).toBe('FORBIDDEN');
    }
    const fin = await callerFor(finance.id, null);
    for (const bad of [{ ...voucherInput, code: 'X2', reason: ' ' }, { ...voucherInput, code: 'X3', amount: '0' }, { ...voucherInput, code: 'X4', amount: '-5' }, { ...voucherInput, code: 'lower' }]) {
      expect(codeOf(await fin.staff.discounts.issueVoucher(bad).catch((e: unknown) => e)), JSON.stringify(bad)).toBe('BAD_REQUEST');
    }
    expect(codeOf(await fin.staff.discounts.issueVoucher({ ...voucherInput, code: 'PAST', expiresAt: inDays(-1) }).catch((e: unknown) => e))).toBe('BAD_REQUEST');
    expect(codeOf(await fin.staff.discounts.issueVoucher(voucherInput).catch((e: unknown) => e))).toBe('CONFLICT');
    expect(codeOf(await fin.staff.discounts.grantCoupon({ tenantId: A.tenant.id, couponCode: 'NO-SUCH', reason: 'typo' }).catch((e: unknown) => e))).toBe('BAD_REQUEST');
    expect(codeOf(await fin.staff.discounts.grantCoupon({ tenantId: 'tnt_ghost_nobody', couponCode: 'WELCOME5', reason: 'ghost' }).catch((e: unknown) => e))).toBe('NOT_FOUND');
    expect([await prisma.couponRedemption.count({ where: { tenantId: A.tenant.id } }), await prisma.voucher.count({ where: { tenantId: A.tenant.id } })]).toEqual(before);

    // Every member sees them: a viewer lists the coupon and the voucher with its whole amount remaining.
    const listed = await (await callerFor(A.users.viewer.id, A.tenant.id)).discounts.list();
    expect(listed.coupons.map((c) => [c.couponCode, c.percentOff, c.active])).toEqual([['BANDWIDTH10', '10', true]]);
    expect(listed.vouchers.map((v) => [v.code, v.amount, v.remaining, v.active])).toEqual([['SPRING-200', '200', '200', true]]);
  });
});
