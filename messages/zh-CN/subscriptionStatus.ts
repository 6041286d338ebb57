export const subscriptionStatus = { trialing: '试用中', active: '生效中', past_due: '逾期', grace: '宽限期', canceled: '已取消', expired: '已过期', suspended: '已暂停' };
