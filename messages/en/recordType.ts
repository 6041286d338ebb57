import type { Messages } from '../zh-CN';

export const recordType: Messages['recordType'] = { subscription: 'Subscription', proration: 'Proration', usage: 'Usage', addon: 'Add-on', adjustment: 'Adjustment' };
