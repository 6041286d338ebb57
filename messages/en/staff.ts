import type { Messages } from '../zh-CN';

export const staff: Messages['staff'] = {
  title: 'Tenants', description: 'Every tenant on the platform.', searchPlaceholder: 'Search by tenant id or name', tenant: 'Tenant', plan: 'Plan',
  currency: 'Currency', members: 'Members', createdAt: 'Created', status: 'Status', empty: 'No tenants match.', staffRole: 'Staff role',
};
