export const staff = {
  title: '租户', description: '平台上的所有租户。', searchPlaceholder: '按租户 ID 或名称搜索', tenant: '租户', plan: '套餐',
  currency: '币种', members: '成员', createdAt: '创建时间', status: '状态', empty: '没有匹配的租户。', staffRole: '员工角色',
};
