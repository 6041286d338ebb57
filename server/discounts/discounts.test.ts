import { afterEach, describe, expect, it } from 'vitest';
import { seedTenant, uniqueSuffix, type SeededTenant } from '../../prisma/seed/factories';
import { setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { sum } from '../money';
import { SYSTEM_ACTOR } from '../audit/actor';
import { ingestAndPrice } from '../../test/usage-pricing-fixture';
import { closeUsagePeriod } from '../usage-pricing/close-period';
import { grantCoupon } from './coupons';
import { issueVoucher } from './vouchers';
import { listDiscounts } from './read-discounts';
import { grantCouponInput, issueVoucherInput } from './schema';
import { currentUsage } from '../usage-read/current-usage';
import { findNamespace } from '../tenants/namespaces';

afterEach(() => useSystemClock());

const ZONE = 'Asia/Shanghai';

async function tenant(tag: string): Promise<SeededTenant> {
  const suffix = uniqueSuffix();
  return seedTenant({ id: `tnt_${tag}${suffix}`, name: `Discounts ${suffix}`, currency: 'CNY', locale: 'en', billingTimezone: ZONE, domain: `${suffix}.test`, apps: ['web'], namespaces: ['web'] });
}

const event = (id: string, resourceType: string, quantity: string, at: string) => ({ event_id: id, resource_type: resourceType, quantity, timestamp: at, namespace: 'web', app_id: null });

async function lines(tenantId: string) {
  const rows = await prisma.chargeLine.findMany({ where: { tenantId }, orderBy: [{ hourStart: 'asc' }, { resourceType: 'asc' }] });
  return rows.map((l) => [l.hourStart.toISOString().slice(5, 13), l.resourceType, l.originalAmount.toFixed(2), l.discountAmount.toFixed(2), l.couponAmount.toFixed(2), l.voucherAmount.toFixed(2), l.amount.toFixed(2)]);
}

async function billsCarryTheirLines(tenantId: string) {
  const bills = await prisma.bill.findMany({ where: { tenantId }, include: { chargeLines: { select: { amount: true } } } });
  for (const bill of bills) expect(bill.amount.toFixed(2)).toBe(sum(bill.chargeLines.map((l) => l.amount)).toFixed(2));
}

describe('coupons: percent off usage per charge line', () => {
  it('prices the hours inside the redemption window, the largest coupon of the hour, half up per line', async () => {
    const seeded = await tenant('cp');
    const tenantId = seeded.tenant.id;
    setClock(new Date('2026-03-10T02:00:00Z'));
    await grantCoupon(grantCouponInput.parse({ tenantId, couponCode: 'BANDWIDTH10', reason: 'test: 10 % off bandwidth' }), SYSTEM_ACTOR);
    await grantCoupon(grantCouponInput.parse({ tenantId, couponCode: 'WELCOME5', reason: 'test: 5 % off everything' }), SYSTEM_ACTOR);
    setClock(new Date('2026-03-10T06:00:00Z'));
    await ingestAndPrice(seeded, [
      event('b1', 'bandwidth_gb', '3.333', '2026-03-10T01:30:00Z'), // before the grant: list price 1.6665 → 1.67, no coupon
      event('b2', 'bandwidth_gb', '7.77', '2026-03-10T03:10:00Z'), // 3.885 → 3.89; 10 % (beats 5 %) = 0.389 → 0.39
      event('a1', 'api_calls', '12345', '2026-03-10T03:20:00Z'), // 2.469 → 2.47; 5 % = 0.1235 → 0.12
    ]);
    expect(await lines(tenantId)).toEqual([
      ['03-10T01', 'bandwidth_gb', '1.67', '0.00', '0.00', '0.00', '1.67'],
      ['03-10T03', 'api_calls', '2.47', '0.00', '0.12', '0.00', '2.35'],
      ['03-10T03', 'bandwidth_gb', '3.89', '0.00', '0.39', '0.00', '3.50'],
    ]);
    // A later event in a coupon hour re-prices the line in place: 3.885 + 1.5 = 5.385 → 5.39, 10 % = 0.539 → 0.54.
    await ingestAndPrice(seeded, [event('b3', 'bandwidth_gb', '3', '2026-03-10T03:40:00Z')]);
    expect((await lines(tenantId))[2]).toEqual(['03-10T03', 'bandwidth_gb', '5.39', '0.00', '0.54', '0.00', '4.85']);
    await billsCarryTheirLines(tenantId);
    const listed = await listDiscounts(tenantId);
    expect(listed.coupons.map((c) => [c.couponCode, c.percentOff, c.resourceType, c.active]).sort()).toEqual([['BANDWIDTH10', '10', 'bandwidth_gb', true], ['WELCOME5', '5', null, true]]);
    expect(listed.coupons.find((c) => c.couponCode === 'BANDWIDTH10')!.endsAt.toISOString()).toBe('2026-06-10T02:00:00.000Z');
    // F5 current usage lists the coupons in force as percentages (hundredths of a percent), until they end.
    const scope = { tenantId, namespace: (await findNamespace(tenantId, 'system'))! };
    expect((await currentUsage(scope, {})).coupons.sort((x, y) => y.discount_amount - x.discount_amount)).toEqual([
      { title: '10% off bandwidth', discount_type: 'DISCOUNT_TYPE_PERCENTAGE', discount_amount: 1000 },
      { title: '5% off all usage', discount_type: 'DISCOUNT_TYPE_PERCENTAGE', discount_amount: 500 },
    ]);
    setClock(new Date('2026-05-11T00:00:00Z'));
    expect((await currentUsage(scope, {})).coupons).toEqual([{ title: '10% off bandwidth', discount_type: 'DISCOUNT_TYPE_PERCENTAGE', discount_amount: 1000 }]);
  });
});

describe('vouchers: spent on a period\'s final lines at its first close', () => {
  it('walks the lines in time order, earliest expiry first, carries what is left to the next period, ignores an expired voucher, and a second close spends nothing', async () => {
    const seeded = await tenant('vc');
    const tenantId = seeded.tenant.id;
    setClock(new Date('2026-03-02T00:00:00Z'));
    const issue = (code: string, amount: string, expiresAt: string, resourceType?: string) =>
      issueVoucher(issueVoucherInput.parse({ tenantId, code, amount, expiresAt: new Date(expiresAt), resourceType, reason: 'test voucher' }), SYSTEM_ACTOR);
    const expired = await issue('OLD100', '100', '2026-03-03T00:00:00Z');
    const any = await issue('ANY6', '6', '2026-06-01T00:00:00Z');
    const api = await issue('API10', '10', '2026-07-01T00:00:00Z', 'api_calls');
    await expect(issue('ANY6', '1', '2026-06-01T00:00:00Z')).rejects.toThrow(/already exists/);

    setClock(new Date('2026-03-04T06:00:00Z'));
    await ingestAndPrice(seeded, [
      event('m1', 'bandwidth_gb', '4', '2026-03-04T01:05:00Z'), // 2.00
      event('m2', 'bandwidth_gb', '5', '2026-03-04T02:05:00Z'), // 2.50
      event('m3', 'api_calls', '20000', '2026-03-04T03:05:00Z'), // 4.00
    ]);
    // Open period: no voucher yet.
    expect((await lines(tenantId)).every((l) => l[5] === '0.00')).toBe(true);

    setClock(new Date('2026-04-02T00:00:00Z'));
    const close = () => prisma.$transaction((tx) => closeUsagePeriod(tx, { tenantId, hourInPeriod: new Date('2026-03-04T01:00:00Z') }, SYSTEM_ACTOR));
    await close();
    // ANY6 (expires first) pays 2.00 + 2.50 + 1.50; API10 the rest of the API line, 2.50; OLD100 expired before these hours.
    const march = [
      ['03-04T01', 'bandwidth_gb', '2.00', '0.00', '0.00', '2.00', '0.00'],
      ['03-04T02', 'bandwidth_gb', '2.50', '0.00', '0.00', '2.50', '0.00'],
      ['03-04T03', 'api_calls', '4.00', '0.00', '0.00', '4.00', '0.00'],
    ];
    expect(await lines(tenantId)).toEqual(march);
    const ledger = async () => (await prisma.voucherRedemption.findMany({ where: { tenantId }, orderBy: [{ periodStart: 'asc' }, { voucherId: 'asc' }] }))
      .map((r) => [r.voucherId, r.periodStart.toISOString().slice(0, 10), r.amount.toFixed(2)]);
    const marchLedger = [[any.id, '2026-02-28', '6.00'], [api.id, '2026-02-28', '2.50']].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    expect(await ledger()).toEqual(marchLedger);

    await close(); // idempotent: nothing spent twice
    expect(await lines(tenantId)).toEqual(march);
    expect(await ledger()).toEqual(marchLedger);

    setClock(new Date('2026-04-10T06:00:00Z'));
    await ingestAndPrice(seeded, [event('a1', 'api_calls', '50000', '2026-04-10T03:05:00Z'), event('a2', 'bandwidth_gb', '1', '2026-04-10T04:05:00Z')]); // 10.00, 0.50
    setClock(new Date('2026-05-02T00:00:00Z'));
    await prisma.$transaction((tx) => closeUsagePeriod(tx, { tenantId, hourInPeriod: new Date('2026-04-10T03:00:00Z') }, SYSTEM_ACTOR));
    // API10 carried 7.50 into April; ANY6 is used up, so bandwidth pays in full.
    expect((await lines(tenantId)).slice(3)).toEqual([
      ['04-10T03', 'api_calls', '10.00', '0.00', '0.00', '7.50', '2.50'],
      ['04-10T04', 'bandwidth_gb', '0.50', '0.00', '0.00', '0.00', '0.50'],
    ]);
    expect((await ledger()).slice(2)).toEqual([[api.id, '2026-03-31', '7.50']]);
    await billsCarryTheirLines(tenantId);

    const listed = await listDiscounts(tenantId);
    expect(listed.vouchers.map((v) => [v.code, v.amount, v.remaining, v.active]).sort()).toEqual([['ANY6', '6', '0', false], ['API10', '10', '0', false], ['OLD100', '100', '100', false]]);
    expect(expired.id).toBeTruthy();
  });
});
