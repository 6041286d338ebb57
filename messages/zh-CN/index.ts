export const zhCN = {
  app: { name: 'Counterfoil', tagline: '计费门户' },
  nav: { overview: '概览', apiKeys: 'API 密钥', tenants: '租户', settings: '设置', staffConsole: '员工控制台', switchTenant: '切换租户' },
  common: {
    loading: '加载中…', retry: '重试', error: '出错了', signOut: '退出登录', language: '语言',
    previous: '上一页', next: '下一页', pageOf: (page: number, count: number) => `第 ${page} / ${count} 页`, cancel: '取消', close: '关闭',
    copy: '复制', copied: '已复制', yes: '是', no: '否', never: '从未', search: '搜索',
  },
  signIn: {
    title: '登录 Counterfoil', email: '邮箱', password: '密码', submit: '登录',
    invalid: '邮箱或密码不正确。', rateLimited: '失败次数过多，请稍等几分钟（最多 15 分钟）后再试。',
    expired: '会话已结束，请重新登录。', signedOut: '您已退出登录。',
  },
  tenants: { title: '选择租户', description: '您是以下租户的成员。', empty: '您还不是任何租户的成员。', role: '角色' },
  roles: { owner: '所有者', admin: '管理员', billing: '财务', viewer: '只读' },
  overview: {
    title: '概览', currentPlan: '当前套餐', noPlan: '暂无订阅', status: '状态', period: '当前计费周期',
    renews: '续费日期', ends: '结束日期', trialEnds: '试用结束', credit: '信用余额', creditUpdated: '更新于',
    latestRecords: '最近的计费记录', noRecords: '暂无计费记录', noRecordsHint: '首个计费周期结算后，发票会显示在这里。',
    invoice: '发票', description: '说明', amount: '金额', date: '日期', type: '类型', perMonth: '/ 月', perYear: '/ 年',
    records: (n: number) => `共 ${n} 条记录`,
  },
  subscriptionStatus: { trialing: '试用中', active: '生效中', past_due: '逾期', grace: '宽限期', canceled: '已取消', expired: '已过期' },
  recordStatus: { draft: '草稿', open: '待支付', paid: '已支付', failed: '支付失败', void: '已作废', refunded: '已退款' },
  recordType: { subscription: '订阅', proration: '按比例调整', usage: '用量', addon: '附加服务', adjustment: '调整' },
  apiKeys: {
    title: 'API 密钥', description: '您的系统可使用密钥调用 Counterfoil REST API。密钥仅在创建时显示一次。',
    create: '创建密钥', name: '名称', namePlaceholder: '例如：账单同步', scopes: '权限范围', expires: '过期时间',
    expiresIn: '有效期（天，可选）', prefix: '密钥', lastUsed: '最近使用', createdAt: '创建时间', createdBy: '创建者', status: '状态',
    active: '有效', revoked: '已吊销', expired: '已过期', revoke: '吊销', revokeConfirm: (name: string) => `确定吊销“${name}”？使用它的系统将立即无法访问。`,
    empty: '暂无 API 密钥', emptyHint: '创建密钥后即可从您的系统调用 REST API。',
    createdTitle: '新的 API 密钥', createdHint: '请立即复制：关闭后将无法再次查看。', done: '完成',
    scope: { read: 'read — 查询套餐、发票和用量', write: 'write — 变更套餐、支付方式、配额', ingest: 'ingest — 上报用量事件' },
    forbidden: '只有所有者和管理员可以管理 API 密钥。',
  },
  staff: {
    title: '租户', description: '平台上的所有租户。', searchPlaceholder: '按租户 ID 或名称搜索', tenant: '租户', plan: '套餐',
    currency: '币种', members: '成员', createdAt: '创建时间', status: '状态', empty: '没有匹配的租户。', staffRole: '员工角色',
  },
  errors: { notFound: '未找到', notFoundHint: '页面不存在，或您没有访问权限。', back: '返回首页' },
};

export type Messages = typeof zhCN;
