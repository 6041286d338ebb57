export const staffConsole = {
  searchPlaceholder: '按租户 ID、名称、成员邮箱或发票号搜索', open: '打开', back: '返回租户列表', notFound: '没有这个租户。',
  subscription: '订阅', noSubscription: '没有生效的订阅。', period: '当前周期', credit: '余额', invoices: '最近发票', noInvoices: '还没有发票。',
  invoice: '发票号', type: '类型', date: '日期', status: '状态', amount: '金额', description: '说明',
  usage: '用量（近 30 天）', noUsage: '还没有用量记录。', resourceType: '资源', quantity: '用量', days: '天数', metered: '本期计量', overage: '超额费用',
  members: '成员', email: '邮箱', name: '姓名', role: '角色', lastSignIn: '上次登录', recentAudit: '最近审计记录', allAudit: '查看全部审计记录',
  adjustCredit: '调整余额', adjustTitle: '调整余额', amountLabel: '金额', direction: '方向', directionCredit: '增加（发放）', directionDebit: '扣减',
  reasonLabel: '原因', reasonHint: '会写入审计日志。', submit: '确认调整', adjusted: '余额已调整。', auditNav: '审计日志',
};
