import { notifyTenant } from '../notifications/notify';
import { toDecimalString, type Decimal } from '../money';
import type { Tx } from '../transaction';

export type CollectionNotice =
  | { kind: 'invoice.paid'; invoiceId: string; invoiceNumber: string | null; amount: Decimal; currency: string; last4: string | null; step: number | null }
  | { kind: 'invoice.payment_failed'; invoiceId: string; invoiceNumber: string | null; amount: Decimal; currency: string; step: number; final: boolean; declineMessage: string | null }
  /** A retry after the tenant changed its payment methods was declined too (`retry` names the change); the invoice stays as it was. */
  | { kind: 'invoice.payment_failed'; retry: string; invoiceId: string; invoiceNumber: string | null; amount: Decimal; currency: string; stillFailed: boolean; declineMessage: string | null };

function text(notice: CollectionNotice, zh: boolean): { title: string; body: string } {
  const number = notice.invoiceNumber ?? notice.invoiceId;
  const amount = `${toDecimalString(notice.amount)} ${notice.currency}`;
  if (notice.kind === 'invoice.paid') {
    const card = notice.last4 ? (zh ? `（尾号 ${notice.last4}）` : ` (ending ${notice.last4})`) : '';
    return zh
      ? { title: `账单 ${number} 已支付`, body: `已从您的付款方式${card}收取 ${amount}。` }
      : { title: `Invoice ${number} paid`, body: `${amount} was charged to your payment method${card}.` };
  }
  const reason = notice.declineMessage ? (zh ? `原因：${notice.declineMessage}` : `Reason: ${notice.declineMessage}`) : '';
  if ('retry' in notice) {
    const next = notice.stillFailed
      ? (zh ? '账单仍未支付，请更换付款方式或联系我们。' : 'The invoice is still owed: please use another payment method or contact us.')
      : (zh ? '我们将按计划重试。' : 'We will retry on schedule.');
    return zh
      ? { title: `账单 ${number} 扣款仍未成功`, body: `您更新付款方式后，我们再次尝试收取 ${amount}，但未成功。${next}${reason}` }
      : { title: `Payment for invoice ${number} still did not go through`, body: `After you updated your payment methods we tried to collect ${amount} again, without success. ${next} ${reason}`.trim() };
  }
  if (notice.final) {
    return zh
      ? { title: `账单 ${number} 扣款失败`, body: `${amount} 多次扣款均未成功，请更新付款方式或联系我们。${reason}` }
      : { title: `Payment for invoice ${number} failed`, body: `We could not collect ${amount} after several attempts. Please update your payment method or contact us. ${reason}`.trim() };
  }
  return zh
    ? { title: `账单 ${number} 扣款未成功`, body: `${amount} 扣款未成功，我们将稍后重试。${reason}` }
    : { title: `Payment for invoice ${number} did not go through`, body: `We could not collect ${amount}; we will retry. ${reason}`.trim() };
}

/**
 * Tells the billing members (owner, admin, billing) in the app and by email (the alerts mailer's
 * outbox: `notifyTenant` writes the rows, the notification-email job sends them), each in their own
 * language. A failed step (or retry) is told once: looked up by invoice and step (or retry) first,
 * so a re-run does not tell it again.
 */
export async function notifyCollection(tx: Tx, tenantId: string, notice: CollectionNotice): Promise<void> {
  const step = 'step' in notice ? notice.step : null;
  const key = `${notice.kind}:${notice.invoiceId}:${'retry' in notice ? `retry:${notice.retry}` : (step ?? 'manual')}`;
  const told = await tx.notification.findFirst({ where: { tenantId, kind: notice.kind, data: { path: ['noticeKey'], equals: key } }, select: { id: true } });
  if (told) return;
  await notifyTenant(tx, {
    tenantId, kind: notice.kind, channels: ['in_app', 'email'],
    text: { 'zh-CN': text(notice, true), en: text(notice, false) },
    data: { noticeKey: key, invoiceId: notice.invoiceId, invoiceNumber: notice.invoiceNumber, amount: toDecimalString(notice.amount), currency: notice.currency, step },
  });
}
