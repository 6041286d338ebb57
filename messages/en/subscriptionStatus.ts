import type { Messages } from '../zh-CN';

export const subscriptionStatus: Messages['subscriptionStatus'] = { trialing: 'Trial', active: 'Active', past_due: 'Past due', grace: 'Grace period', canceled: 'Canceled', expired: 'Expired', suspended: 'Suspended' };
