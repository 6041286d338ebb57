/** The plans page, the change-plan dialog, and the staff catalog and approvals pages. */
export const plans = {
  nav: '套餐',
  title: '套餐', description: '比较各套餐的价格与包含用量，随时升级或降级；变更按日历天数按比例计费。',
  monthly: '按月', yearly: '按年', cycle: '计费周期', perMonth: '/ 月', perYear: '/ 年', notSoldYearly: '不提供按年计费',
  current: '当前套餐', included: '包含用量', unlimited: '不限', trialDays: (days: number) => `${days} 天试用`, approvalNeeded: '需人工审批',
  change: '变更为此套餐', viewerHint: '查看者可以浏览套餐，但不能变更套餐。', empty: '暂无可用套餐', noSubscription: '租户尚无订阅，无法变更套餐。',
  pendingScheduled: (plan: string, date: string) => `已安排在 ${date} 变更为「${plan}」。`,
  pendingApproval: (plan: string) => `变更为「${plan}」正在等待平台审批。`, cancelPending: '取消变更', canceled: '已取消该变更。',
  dialogTitle: (plan: string) => `变更为「${plan}」`, quoting: '正在计算报价…', confirm: '确认变更', cancel: '取消', close: '关闭',
  quote: {
    period: '当前计费周期', days: (r: number, n: number) => `剩余 ${r} 天 / 共 ${n} 天`, effective: '生效日期',
    unused: (plan: string) => `「${plan}」未使用部分`, charge: (plan: string) => `「${plan}」按比例费用`,
    chargeCycle: (plan: string, cycle: string) => `「${plan}」${cycle}（完整新周期）`, newPeriod: '新计费周期（计费日改为生效日）',
    switchCycle: (plan: string, cycle: string) => `${plan}（${cycle}）`, tax: '税额', line: '金额',
    net: '差额', creditApplied: '抵扣余额', amountDue: '现在应付', creditBack: '退回到信用余额', expires: (time: string) => `报价有效至 ${time}`,
    mode: { prorate_now: '立即生效，按比例收取差额', at_renewal: '立即生效，下个周期起按新价格计费', at_period_end: '在本周期结束时生效，不产生费用', prorate_now_credit: '立即生效，差额按比例退回信用余额' },
    approval: '此套餐需平台人工审批：确认后进入审批队列，批准后生效。',
  },
  expired: '报价已过期或金额已变化，已为你重新计算，请核对后再确认。',
  done: { finished: '套餐已变更。', creating: '变更已安排，将在本周期结束时生效。', waiting_for_approval: '已提交，等待平台审批。' },
  proration: '按比例账单', prorationRecord: (number: string) => `已生成按比例账单 ${number}`,
  staffCatalog: {
    nav: '套餐目录', title: '套餐目录', description: '编辑套餐价格与包含用量。已有订阅的套餐编辑后会生成新版本，现有订阅在续费前保持原版本。',
    plan: '套餐', version: '版本', monthly: '月价', yearly: '年价', currency: '币种', subscribers: '订阅数', save: '保存', saved: '已保存', edit: '编辑',
    entitlement: '资源', included: '包含用量', requiresApproval: '需审批', upgrade: '升级计费', downgrade: '降级计费',
  },
  approvals: {
    nav: '审批队列', title: '套餐变更审批', description: '需人工审批的套餐变更（如企业版）。批准后按批准当日按比例计费并生效。',
    tenant: '租户', from: '原套餐', to: '目标套餐', requestedAt: '申请时间', approve: '批准', reject: '拒绝', empty: '没有待审批的变更',
    approved: '已批准', rejected: '已拒绝', rejectReason: '拒绝原因',
  },
};
