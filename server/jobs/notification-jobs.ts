import { z } from 'zod';
import { deliverEmailNotification, findPendingEmails } from '../notifications/deliver-email';
import { defineJob } from './registry';

/**
 * One email notification: sent once (the row's delivery_status is the guard, so a retry or a
 * second worker finds it done). Transient SMTP failures retry with backoff.
 */
export const notificationEmail = defineJob({
  name: 'notification-email',
  payload: z.strictObject({ tenantId: z.string().min(1).max(64), notificationId: z.string().regex(/^ntf_[a-z0-9]{1,60}$/) }),
  key: (data) => `email:${data.tenantId}:${data.notificationId}`,
  handler: (data) => deliverEmailNotification(data),
  retry: { limit: 8, delaySeconds: 30, backoff: true },
  expireInSeconds: 120,
});

/**
 * Every minute: enqueue a send for each email row still pending. Notifications are written inside
 * their domain's transaction (an outbox), so the sweep is what turns a committed row into a mail,
 * whichever process wrote it; a row rolled back never existed.
 */
export const notificationEmailSweep = defineJob({
  name: 'notification-email-sweep',
  payload: z.strictObject({}),
  key: () => 'notification-email-sweep',
  schedule: { cron: '* * * * *', tz: 'UTC' },
  handler: async (_data, { enqueue, tenantIds }) => {
    for (const row of await findPendingEmails(tenantIds)) await enqueue(notificationEmail.name, { tenantId: row.tenantId, notificationId: row.id });
  },
  retry: { limit: 1, delaySeconds: 30, backoff: false },
  expireInSeconds: 50,
});
