export const apiKeys = {
  title: 'API 密钥', description: '您的系统可使用密钥调用 Counterfoil REST API。密钥仅在创建时显示一次。',
  create: '创建密钥', name: '名称', namePlaceholder: '例如：账单同步', scopes: '权限范围', expires: '过期时间',
  expiresIn: '有效期（天，可选）', prefix: '密钥', lastUsed: '最近使用', createdAt: '创建时间', createdBy: '创建者', status: '状态',
  active: '有效', revoked: '已吊销', expired: '已过期', revoke: '吊销', revokeConfirm: (name: string) => `确定吊销“${name}”？使用它的系统将立即无法访问。`,
  empty: '暂无 API 密钥', emptyHint: '创建密钥后即可从您的系统调用 REST API。',
  createdTitle: '新的 API 密钥', createdHint: '请立即复制：关闭后将无法再次查看。', done: '完成',
  scope: { read: 'read — 查询套餐、发票和用量', write: 'write — 变更套餐、支付方式、配额', ingest: 'ingest — 上报用量事件' },
  forbidden: '只有所有者和管理员可以管理 API 密钥。',
};
