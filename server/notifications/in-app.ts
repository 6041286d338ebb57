/** The signed-in person's in-app notifications in one tenant: newest first, keyset paged; only their own rows. */
import { prisma } from '../db';
import { now } from '../clock';
import { badRequest } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import type { NotificationListInput, NotificationPage } from './schema';

type Reader = { tenantId: string; userId: string };
const mine = (reader: Reader) => ({ tenantId: reader.tenantId, userId: reader.userId, channel: 'in_app' as const });

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || !/^ntf_[a-z0-9]+$/.test(id) || Number.isNaN(createdAt.getTime())) throw badRequest('invalid cursor', 'INVALID_CURSOR');
  return { createdAt, id };
}

export async function listNotifications(reader: Reader, input: NotificationListInput): Promise<NotificationPage> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await prisma.notification.findMany({
    where: {
      ...mine(reader),
      ...(input.unreadOnly ? { readAt: null } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: { id: true, kind: true, title: true, body: true, usageAlertId: true, createdAt: true, readAt: true },
  });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? encodeCursor(items[items.length - 1]!) : null };
}

export async function countUnread(reader: Reader): Promise<{ count: number }> {
  return { count: await prisma.notification.count({ where: { ...mine(reader), readAt: null } }) };
}

/** Marks the reader's own rows read (all of them without ids); ids of anyone else's rows are ignored (not the reader's to mark). */
export async function markRead(reader: Reader, ids: readonly string[] | 'all', actor: Actor): Promise<{ updated: number }> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { ...mine(reader), readAt: null, ...(ids === 'all' ? {} : { id: { in: [...ids] } }) }, data: { readAt: now() },
    });
    if (count > 0) {
      await recordAudit(tx, actor, { tenantId: reader.tenantId, action: ids === 'all' ? 'notification.mark_all_read' : 'notification.mark_read', targetType: 'notification', targetId: ids === 'all' || ids.length > 1 ? null : ids[0]!, after: { updated: count } });
    }
    return { updated: count };
  });
}
