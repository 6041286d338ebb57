import { expect } from 'vitest';
import type { IsolationCases } from '../../test/isolation';
import { prisma } from '../db';

/** How each `discounts.*` and `staff.discounts.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const discountsIsolationCases: IsolationCases = {
  'discounts.list': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.discounts.list(),
    ownsA: async (r: { coupons: { id: string }[]; vouchers: { id: string; remaining: string }[] }, fx) => {
      const [coupons, vouchers] = await Promise.all([
        prisma.couponRedemption.findMany({ where: { tenantId: fx.A.tenant.id }, select: { id: true } }),
        prisma.voucher.findMany({ where: { tenantId: fx.A.tenant.id }, select: { id: true } }),
      ]);
      expect(r.coupons.map((c) => c.id).sort()).toEqual(coupons.map((c) => c.id).sort());
      expect(r.vouchers.map((v) => v.id).sort()).toEqual(vouchers.map((v) => v.id).sort());
      expect(r.vouchers.length).toBeGreaterThan(0);
    },
  },
  'staff.discounts.grantCoupon': {
    kind: 'staff', type: 'mutation',
    run: (c, fx) => c.staff.discounts.grantCoupon({ tenantId: fx.A.tenant.id, couponCode: 'WELCOME5', reason: 'isolation case' }),
  },
  'staff.discounts.issueVoucher': {
    kind: 'staff', type: 'mutation',
    run: (c, fx) => c.staff.discounts.issueVoucher({ tenantId: fx.A.tenant.id, code: `ISO-CASE-${Date.now()}`, amount: '1', expiresAt: new Date(Date.now() + 86_400_000), reason: 'isolation case' }),
  },
};
