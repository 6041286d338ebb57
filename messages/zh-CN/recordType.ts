export const recordType = { subscription: '订阅', proration: '按比例调整', usage: '用量', addon: '附加服务', adjustment: '调整' };
