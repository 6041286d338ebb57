export const overview = {
  title: '概览', currentPlan: '当前套餐', noPlan: '暂无订阅', status: '状态', period: '当前计费周期',
  renews: '续费日期', ends: '结束日期', trialEnds: '试用结束', credit: '信用余额', creditUpdated: '更新于',
  latestRecords: '最近的计费记录', noRecords: '暂无计费记录', noRecordsHint: '首个计费周期结算后，发票会显示在这里。',
  invoice: '发票', description: '说明', amount: '金额', date: '日期', type: '类型', perMonth: '/ 月', perYear: '/ 年',
  records: (n: number) => `共 ${n} 条记录`,
};
