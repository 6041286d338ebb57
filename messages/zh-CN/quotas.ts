/** The quotas page. */
export const quotas = {
  nav: '配额', title: '配额', description: '各命名空间的资源配额：上限、本计费周期的用量与使用率。system 命名空间的配额覆盖整个租户。',
  namespace: '命名空间', quota: '配额', resource: '资源', app: '应用', allApps: '全部应用', enforcement: '执行方式',
  maximum: '上限', used: '已用', percentUsed: '使用率', projected: '预计周期末', status: '状态', active: '生效中', disabled: '已停用',
  empty: '还没有配额', emptyHint: '配额可通过 API（POST /api/web/namespaces/{namespace}/quotas）创建，创建后显示在这里。',
  period: (start: string, end: string) => `本计费周期 ${start} – ${end}`, count: (n: number) => `${n} 个资源上限`,
};
