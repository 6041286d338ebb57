export const audit = {
  nav: '审计日志', title: '审计日志', description: '这个租户里的每一次变更：谁、何时、改了什么。', staffDescription: '平台上所有租户的审计记录（日期按 UTC）。',
  filters: '筛选', actor: '操作者', actorPlaceholder: '邮箱或用户 ID', action: '操作', actionPlaceholder: '如 api_key.create', targetType: '对象类型',
  targetId: '对象 ID', tenantId: '租户 ID', from: '开始日期', to: '结束日期', apply: '应用', reset: '清除', exportCsv: '导出 CSV',
  time: '时间', target: '对象', ip: 'IP', requestId: '请求 ID', tenant: '租户', diff: '变更', showDiff: '查看前后对比', before: '变更前', after: '变更后',
  actingAs: (staff: string) => `员工 ${staff} 代为操作`, reason: '原因', noReason: '未填写原因', system: '系统', apiKey: 'API 密钥', service: '服务凭据',
  empty: '没有符合条件的记录。', emptyHint: '调整筛选条件，或稍后再看。', more: '加载更多', timezoneHint: (zone: string) => `日期按 ${zone} 时区。`,
};
