export const credits = {
  nav: '信用额度', title: '信用额度', description: '信用余额与流水：余额始终等于流水之和，按发放先后抵扣后续发票。',
  balance: '当前余额', updated: '更新于', never: '暂无变动', ledger: '信用流水', empty: '暂无信用流水', emptyHint: '促销赠送、退款、降级按比例信用与抵扣发票的记录会显示在这里。',
  date: '时间', type: '类型', source: '来源', reference: '关联', remark: '备注', amount: '金额', balanceAfter: '变动后余额',
  types: { credit: '入账', debit: '扣减' },
  sources: { proration: '按比例信用', promotion: '促销赠送', refund: '退款', adjustment: '人工调整', invoice_payment: '抵扣发票', manual: '手工入账' },
  total: (n: number) => `共 ${n} 条`,
  discounts: {
    coupons: '优惠券', couponsHint: '按比例减免用量费用（扣除套餐内含量后），在有效期内的每小时计费时生效。',
    vouchers: '代金券', vouchersHint: '预付的用量抵扣金额：计费周期结束时按时间顺序抵扣该周期的用量费用。',
    coupon: '优惠券', percentOff: '折扣', scope: '适用资源', allResources: '全部用量', validity: '有效期', status: '状态',
    code: '券码', amount: '面额', remaining: '余额',
    active: '生效中', inactive: '已失效', noCoupons: '暂无优惠券', noCouponsHint: '平台发放的优惠券会显示在这里。',
    noVouchers: '暂无代金券', noVouchersHint: '平台发放的代金券及其余额会显示在这里。',
    percent: (p: string) => `减免 ${p}%`,
  },
};
