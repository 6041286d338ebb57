import type { Messages } from '../zh-CN';

export const nav: Messages['nav'] = { overview: 'Overview', apiKeys: 'API keys', tenants: 'Tenants', settings: 'Settings', staffConsole: 'Staff console', switchTenant: 'Switch tenant' };
