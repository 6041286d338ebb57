import type { Messages } from '../zh-CN';

export const roles: Messages['roles'] = { owner: 'Owner', admin: 'Admin', billing: 'Billing', viewer: 'Viewer' };
