import type { Prisma } from '../db';
import { notFound } from '../errors';
import { money, type Decimal } from '../money';
import type { BillingCycle } from '../generated/prisma/enums';

type Tx = Prisma.TransactionClient;

export async function planPrice(tx: Tx, planCode: string, currency: string): Promise<Decimal> {
  const price = await tx.planPrice.findUnique({ where: { planCode_currency: { planCode, currency } }, select: { price: true } });
  if (!price) throw notFound(`plan price in ${currency}`, 'PLAN_PRICE_NOT_FOUND');
  return money(price.price);
}

const CYCLE_WORDS = {
  'zh-CN': { monthly: '月度订阅', yearly: '年度订阅' },
  en: { monthly: 'monthly subscription', yearly: 'yearly subscription' },
} as const;

/** The invoice description and single line of one subscription period, in the tenant's language. */
export function subscriptionInvoiceLines(args: {
  plan: { name: string; nameZh: string };
  cycle: BillingCycle;
  price: Decimal;
  locale: string;
  start: Date;
  end: Date;
}) {
  const zh = args.locale === 'zh-CN';
  const description = zh ? `${args.plan.nameZh}${CYCLE_WORDS['zh-CN'][args.cycle]}` : `${args.plan.name} ${CYCLE_WORDS.en[args.cycle]}`;
  return {
    description,
    lines: [{ resourceType: 'subscription', description, quantity: 1, unitPrice: money(args.price), periodStart: args.start, periodEnd: args.end }],
  };
}
