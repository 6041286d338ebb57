export const notifications = {
  nav: '通知', title: '通知', description: '用量告警、账单与付款等提醒。',
  // 不用括号：括号里的内容不算入名称的匹配，而名称须包含角标上显示的文字（超过 99 显示 99+）。
  bell: (count: number) => (count > 0 ? `通知：${count > 99 ? '99+' : count} 条未读` : '通知：无未读'),
  markRead: '标为已读', markAllRead: '全部标为已读', unread: '未读', read: '已读', loadMore: '加载更多',
  showUnread: '只看未读', showAll: '全部',
  empty: '暂无通知', emptyHint: '用量告警触发或账单有变化时，通知会显示在这里。', emptyUnread: '没有未读通知',
  openAlerts: '查看用量告警',
  markedAll: (n: number) => `已将 ${n} 条通知标为已读。`,
};
