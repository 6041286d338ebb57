/**
 * Sends one email notification (the job `notification-email` calls this). Idempotent per
 * notification: the row is locked and only a `pending` row is sent, then marked `sent` in the same
 * transaction, so a repeated or concurrent job sends it once. (A crash between the server's
 * acceptance and the commit may send it again; the Message-ID is the notification's id, so the
 * copy is recognisable.) A permanent refusal marks it `failed`; a transient one is retried by the
 * job runner.
 */
import { prisma } from '../db';
import { now } from '../clock';
import { isPermanentMailFailure, sendMail } from './mailer';
import { notificationLocale } from './notify';
import { emailText } from './email-template';

export type DeliveryOutcome = 'sent' | 'already_done' | 'skipped' | 'failed';

/** How long the lock on one row may be held while the SMTP server answers. */
const SEND_TIMEOUT_MS = 60_000;

export async function deliverEmailNotification(input: { tenantId: string; notificationId: string }): Promise<DeliveryOutcome> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ delivery_status: string }[]>`
      SELECT delivery_status::text FROM notifications
      WHERE tenant_id = ${input.tenantId} AND id = ${input.notificationId} AND channel = 'email' FOR UPDATE`;
    if (locked[0]?.delivery_status !== 'pending') return 'already_done';
    const row = await tx.notification.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: input.tenantId, id: input.notificationId } },
      include: { user: { select: { email: true, locale: true, status: true } }, tenant: { select: { name: true, locale: true } } },
    });
    const mark = (deliveryStatus: 'sent' | 'skipped' | 'failed') =>
      tx.notification.update({ where: { tenantId_id: { tenantId: row.tenantId, id: row.id } }, data: { deliveryStatus, sentAt: deliveryStatus === 'sent' ? now() : null } });
    if (!row.user || row.user.status !== 'active') {
      await mark('skipped');
      return 'skipped';
    }
    const locale = notificationLocale(row.user.locale, row.tenant.locale);
    const { subject, text } = emailText(locale, { title: row.title, body: row.body, tenantName: row.tenant.name });
    try {
      await sendMail({ id: row.id, to: row.user.email, subject, text, language: locale });
    } catch (error) {
      if (!isPermanentMailFailure(error)) throw error;
      await mark('failed');
      return 'failed';
    }
    await mark('sent');
    return 'sent';
  }, { timeout: SEND_TIMEOUT_MS, maxWait: 10_000 });
}

/** Email rows still waiting to be sent (oldest first), for the sweep that enqueues one job each. */
export async function findPendingEmails(tenantIds?: readonly string[], limit = 500) {
  return prisma.notification.findMany({
    where: { channel: 'email', deliveryStatus: 'pending', ...(tenantIds ? { tenantId: { in: [...tenantIds] } } : {}) },
    orderBy: { createdAt: 'asc' },
    take: limit,
    select: { tenantId: true, id: true },
  });
}
