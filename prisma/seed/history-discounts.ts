/**
 * Coupons, vouchers and one unpaid usage bill in the demo year, through the product's functions on
 * the simulated clock:
 * - the day before the metered usage starts (history-usage.ts: the last 90 days), finance grants
 *   both tenants 10 % off bandwidth for three months (BANDWIDTH10) and issues each a monthly usage
 *   voucher (¥100 / $5) for each of the three months before the current one, valid that month
 *   only, so the closes spend them and the last three months' bills show coupon and voucher amounts;
 * - before Acme's last period closes (the day before, or REMOVED_BY_DAYS before the end of the
 *   history if that is earlier), Acme removes its backup card, leaving only the declined primary
 *   (history-collection.ts): the renewal and the usage invoice both fail at the first dunning step;
 *   then Acme wires the renewal (finance settles it, the subscription is active again) and
 *   the usage invoice keeps failing every step — its bills stay unpaid (BS_FAILED, or BS_DUE while
 *   dunning still runs). No card is added after that, so nothing retries it.
 */
import { now } from '../../server/clock';
import { prisma } from '../../server/db';
import { grantCoupon } from '../../server/discounts/coupons';
import { issueVoucher } from '../../server/discounts/vouchers';
import { grantCouponInput, issueVoucherInput } from '../../server/discounts/schema';
import { settleBankTransfer } from '../../server/collection/finance';
import { settleInput } from '../../server/collection/schema';
import { removePaymentMethod } from '../../server/payment-methods/payment-methods';
import { addLocalMonths, fromLocal, toLocal } from '../../server/time/zoned';
import type { DemoTenantId, ScriptedEvent, ScriptedEventContext } from './scripted-event';

const DAY_MS = 86_400_000;
const USAGE_DAYS = 90;
/** Read at import, as history-usage.ts does: the replay runs up to the real now. */
const SEED_END = now();

function historyStart(): Date {
  const local = toLocal(SEED_END, 'Asia/Shanghai');
  const index = local.year * 12 + local.month - 1 - 12;
  return fromLocal({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1, hour: 9 }, 'Asia/Shanghai');
}

export const endDay = Math.floor((SEED_END.getTime() - historyStart().getTime()) / DAY_MS);
const usageDay = Math.max(1, endDay - USAGE_DAYS);
const MONTHLY_VOUCHER: Record<DemoTenantId, string> = { tnt_demo: '100', tnt_acme: '5' };

/** One voucher per local month for the three months before the history's last: valid from the 1st to the next 1st. */
async function monthlyVouchers({ tenant, financeActor }: ScriptedEventContext, amount: string) {
  const zone = tenant.tenant.billingTimezone;
  const end = toLocal(SEED_END, zone);
  for (let back = 3; back >= 1; back -= 1) {
    const from = fromLocal({ year: end.year, month: end.month, day: 1 }, zone);
    const validFrom = addLocalMonths(from, zone, -back, 1);
    const month = toLocal(validFrom, zone);
    await issueVoucher(issueVoucherInput.parse({
      tenantId: tenant.tenant.id, code: `USAGE-${month.year}-${String(month.month).padStart(2, '0')}`, amount, validFrom,
      expiresAt: addLocalMonths(validFrom, zone, 1, 1), reason: 'Monthly usage voucher of the loyalty programme',
    }), financeActor);
  }
}

function discountEvents(tenant: DemoTenantId): ScriptedEvent[] {
  return [
    {
      tenant, day: usageDay - 1, hour: 2, label: 'finance grants 10 % off bandwidth for three months',
      run: ({ tenant: t, financeActor }) => grantCoupon(grantCouponInput.parse({ tenantId: t.tenant.id, couponCode: 'BANDWIDTH10', reason: 'Launch offer for the new CDN region' }), financeActor),
    },
    { tenant, day: usageDay - 1, hour: 2, label: 'finance issues monthly usage vouchers', run: (ctx) => monthlyVouchers(ctx, MONTHLY_VOUCHER[tenant]) },
  ];
}

/**
 * The backup card is gone at the latest this many days before the end of the history, so what
 * fails on the declined card from then (history-collection.ts: an invoice finance raises) has
 * failed every dunning step, and is past due, by the end whatever day of the month the seed runs.
 */
export const REMOVED_BY_DAYS = 19;

/** Acme's live subscription when its last close of the history is within the next day, or ahead and the end of the history near. */
async function acmeBoundarySoon(ctx: ScriptedEventContext) {
  const sub = await prisma.subscription.findFirst({ where: { tenantId: ctx.tenant.tenant.id, endedAt: null }, orderBy: { startedAt: 'desc' }, select: { id: true, currentPeriodEnd: true } });
  if (!sub) return null;
  const left = sub.currentPeriodEnd.getTime() - ctx.at.getTime();
  // The last boundary of the history: at or before its end, and the next one (a month on) after it.
  const last = sub.currentPeriodEnd <= SEED_END && SEED_END.getTime() - sub.currentPeriodEnd.getTime() < 28 * DAY_MS;
  const endNear = SEED_END.getTime() - ctx.at.getTime() <= REMOVED_BY_DAYS * DAY_MS;
  return left > 0 && (left <= DAY_MS || endNear) && last ? sub : null;
}

async function removeBackupBeforeLastClose(ctx: ScriptedEventContext) {
  if (!(await acmeBoundarySoon(ctx))) return null;
  const backup = await prisma.paymentMethod.findFirst({ where: { tenantId: ctx.tenant.tenant.id, status: 'active', role: 'secondary' }, select: { name: true } });
  return backup ? removePaymentMethod({ tenantId: ctx.tenant.tenant.id, name: backup.name }, ctx.tenant.ownerActor) : null;
}

/** Once the backup card is gone: the renewal the declined card could not pay is wired; the usage invoice is left owed. */
async function wireTheRenewal(ctx: ScriptedEventContext) {
  const tenantId = ctx.tenant.tenant.id;
  if (await prisma.paymentMethod.count({ where: { tenantId, status: 'active', role: 'secondary' } })) return null;
  const owed = await prisma.billingRecord.findMany({ where: { tenantId, type: 'subscription', status: { in: ['open', 'failed'] } }, select: { id: true, invoiceNumber: true } });
  for (const invoice of owed) {
    await settleBankTransfer(settleInput.parse({ tenantId, invoiceId: invoice.id, reference: `WIRE-${invoice.invoiceNumber ?? invoice.id}`, reason: 'Customer wired the renewal; the usage bill is disputed' }), ctx.financeActor);
  }
  return owed.length;
}

/** The last weeks of the history, where Acme's last close falls. */
export const LAST_DAYS = 45;

export const DISCOUNT_EVENTS: ScriptedEvent[] = [
  ...discountEvents('tnt_demo'),
  ...discountEvents('tnt_acme'),
  // Daily over the last weeks: each acts once, around Acme's last period close of the history.
  ...Array.from({ length: LAST_DAYS }, (_, i): ScriptedEvent => ({
    tenant: 'tnt_acme', day: endDay - LAST_DAYS + i, hour: 1, label: 'the backup card is removed before the period closes', run: removeBackupBeforeLastClose,
  })),
  ...Array.from({ length: LAST_DAYS }, (_, i): ScriptedEvent => ({
    tenant: 'tnt_acme', day: endDay - LAST_DAYS + i, hour: 6, label: 'wire for the renewal the declined card could not pay', run: wireTheRenewal,
  })),
];
