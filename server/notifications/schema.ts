import { z } from 'zod';

const notificationId = z.string().regex(/^ntf_[a-z0-9]{1,60}$/);

export const notificationListInput = z.strictObject({
  limit: z.number().int().min(1).max(100).default(20),
  /** Opaque: the last row of the previous page (TanStack's infinite queries send it back). */
  cursor: z.string().max(200).nullish(),
  direction: z.literal('forward').optional(),
  unreadOnly: z.boolean().default(false),
});
export type NotificationListInput = z.output<typeof notificationListInput>;

export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** Where the notification points in the portal (e.g. the alert), when anywhere. */
  usageAlertId: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationPage = z.object({ items: z.array(notificationView), nextCursor: z.string().nullable() });
export type NotificationPage = z.infer<typeof notificationPage>;

export const unreadCount = z.object({ count: z.number().int() });
export const markReadInput = z.strictObject({ ids: z.array(notificationId).min(1).max(100) });
export const markedResult = z.object({ updated: z.number().int() });
