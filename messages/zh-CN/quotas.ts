/** The quotas page. */
export const quotas = {
  nav: '配额', title: '配额', description: '各命名空间的资源配额：上限、本计费周期的用量与使用率。system 命名空间的配额覆盖整个租户。',
  namespace: '命名空间', quota: '配额', resource: '资源', app: '应用', allApps: '全部应用', enforcement: '执行方式',
  maximum: '上限', used: '已用', percentUsed: '使用率', projected: '预计周期末', status: '状态', active: '生效中', disabled: '已停用',
  empty: '还没有配额', emptyHint: '可在这里新建，或通过 API（POST /api/web/namespaces/{namespace}/quotas）创建。',
  create: '新建配额', edit: '编辑', delete: '删除', save: '保存', name: '配额名称', nameHint: '小写字母、数字和“-”，同一命名空间内唯一',
  enforcementHint: '硬限制会拒绝超出的用量事件；软限制放行并告警。', limits: '资源上限', addLimit: '添加资源上限', removeLimit: '移除',
  deleteTitle: '删除配额', deleteConfirm: (name: string, namespace: string) => `删除命名空间 ${namespace} 中的配额 ${name}？删除后不再限制用量。`, actions: '操作',
  period: (start: string, end: string) => `本计费周期 ${start} – ${end}`, count: (n: number) => `${n} 个资源上限`,
};
