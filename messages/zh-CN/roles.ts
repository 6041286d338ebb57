export const roles = { owner: '所有者', admin: '管理员', billing: '财务', viewer: '只读' };
