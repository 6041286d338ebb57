import type { Messages } from '../zh-CN';

export const notifications: Messages['notifications'] = {
  nav: 'Notifications', title: 'Notifications', description: 'Usage alerts, billing and payment notices.',
  bell: (count: number) => (count > 0 ? `Notifications (${count} unread)` : 'Notifications (none unread)'),
  markRead: 'Mark read', markAllRead: 'Mark all read', unread: 'Unread', read: 'Read', loadMore: 'Load more',
  showUnread: 'Unread only', showAll: 'All',
  empty: 'No notifications', emptyHint: 'Usage alerts and billing changes appear here.', emptyUnread: 'No unread notifications',
  openAlerts: 'Open usage alerts',
  markedAll: (n: number) => `Marked ${n} notifications read.`,
};
