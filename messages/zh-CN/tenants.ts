export const tenants = { title: '选择租户', description: '您是以下租户的成员。', empty: '您还不是任何租户的成员。', role: '角色' };
