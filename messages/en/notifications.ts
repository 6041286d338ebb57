import type { Messages } from '../zh-CN';

export const notifications: Messages['notifications'] = {
  nav: 'Notifications', title: 'Notifications', description: 'Usage alerts, billing and payment notices.',
  // No parentheses: a label's parenthetical is not matched as its name, and the name must hold the badge's text (99+ past 99).
  bell: (count: number) => (count > 0 ? `Notifications: ${count > 99 ? '99+' : count} unread` : 'Notifications: none unread'),
  markRead: 'Mark read', markAllRead: 'Mark all read', unread: 'Unread', read: 'Read', loadMore: 'Load more',
  showUnread: 'Unread only', showAll: 'All',
  empty: 'No notifications', emptyHint: 'Usage alerts and billing changes appear here.', emptyUnread: 'No unread notifications',
  openAlerts: 'Open usage alerts',
  markedAll: (n: number) => `Marked ${n} notifications read.`,
};
