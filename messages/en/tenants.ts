import type { Messages } from '../zh-CN';

export const tenants: Messages['tenants'] = { title: 'Choose a tenant', description: 'You are a member of these tenants.', empty: 'You are not a member of any tenant yet.', role: 'Role' };
