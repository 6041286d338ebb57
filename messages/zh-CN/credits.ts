export const credits = {
  nav: '信用额度', title: '信用额度', description: '信用余额与流水：余额始终等于流水之和，按发放先后抵扣后续发票。',
  balance: '当前余额', updated: '更新于', never: '暂无变动', ledger: '信用流水', empty: '暂无信用流水', emptyHint: '促销赠送、退款、降级按比例信用与抵扣发票的记录会显示在这里。',
  date: '时间', type: '类型', source: '来源', reference: '关联', remark: '备注', amount: '金额', balanceAfter: '变动后余额',
  types: { credit: '入账', debit: '扣减' },
  sources: { proration: '按比例信用', promotion: '促销赠送', refund: '退款', adjustment: '人工调整', invoice_payment: '抵扣发票', manual: '手工入账' },
  total: (n: number) => `共 ${n} 条`,
};
