import type { Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { prisma } from '../db';
import { money, toDecimalString } from '../money';
import { paymentProvider } from '../payments/provider';
import { idempotencyKeyOf, lockInvoice, openAttempt, recordAnswer, type Attempt } from './attempts';

/**
 * A charge that succeeded after the invoice stopped being owed (finance settled or voided it while
 * the processor was answering) is money the tenant does not owe: it goes straight back to the card,
 * recorded as a refund attempt keyed by the charge, so a re-run refunds it once.
 */
export async function refundStrayCharge(charge: Attempt, chargeId: string, actor: Actor): Promise<void> {
  const refund = await prisma.$transaction(async (tx) => {
    await lockInvoice(tx, charge.tenantId, charge.billingRecordId);
    return openAttempt(tx, {
      tenantId: charge.tenantId, invoiceId: charge.billingRecordId, attemptKey: `stray:${charge.id}`, kind: 'refund', step: null,
      paymentMethodId: charge.paymentMethodId, amount: money(charge.amount), currency: charge.currency, provider: charge.provider, providerChargeId: chargeId,
    });
  });
  if (refund.status !== 'pending') return;
  const answer = await paymentProvider(refund.provider).refund({ chargeId, amount: money(refund.amount), currency: refund.currency, idempotencyKey: idempotencyKeyOf(refund) });
  await prisma.$transaction(async (tx) => {
    await lockInvoice(tx, charge.tenantId, charge.billingRecordId);
    await recordAnswer(tx, refund, answer);
    await recordAudit(tx, actor, {
      tenantId: charge.tenantId, action: 'invoice.stray_charge_refund', targetType: 'billing_record', targetId: charge.billingRecordId,
      after: { chargeAttemptId: charge.id, chargeId, amount: toDecimalString(charge.amount), refund: answer.status, refundAttemptId: refund.id },
    });
  });
}
