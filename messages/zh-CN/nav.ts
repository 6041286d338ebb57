export const nav = { overview: '概览', apiKeys: 'API 密钥', tenants: '租户', settings: '设置', staffConsole: '员工控制台', switchTenant: '切换租户' };
