export const recordStatus = { draft: '草稿', open: '待支付', paid: '已支付', failed: '支付失败', void: '已作废', refunded: '已退款' };
