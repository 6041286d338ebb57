import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { markedResult, markReadInput, notificationListInput, notificationPage, unreadCount } from './schema';
import { countUnread, listNotifications, markRead } from './in-app';

/** Each member reads and marks their own notifications in the tenant (never another member's). */
export const notificationsRouter = router({
  list: tenantProcedure('viewer').input(notificationListInput).output(notificationPage)
    .query(({ ctx, input }) => listNotifications({ tenantId: ctx.scope.tenantId, userId: ctx.user.id }, input)),
  unreadCount: tenantProcedure('viewer').output(unreadCount)
    .query(({ ctx }) => countUnread({ tenantId: ctx.scope.tenantId, userId: ctx.user.id })),
  markRead: tenantProcedure('viewer').input(markReadInput).output(markedResult)
    .mutation(({ ctx, input }) => markRead({ tenantId: ctx.scope.tenantId, userId: ctx.user.id }, input.ids, ctx.actor)),
  markAllRead: tenantProcedure('viewer').output(markedResult)
    .mutation(({ ctx }) => markRead({ tenantId: ctx.scope.tenantId, userId: ctx.user.id }, 'all', ctx.actor)),
});
