export const signIn = {
  title: '登录 Counterfoil', email: '邮箱', password: '密码', submit: '登录',
  invalid: '邮箱或密码不正确。', rateLimited: '失败次数过多，请稍等几分钟（最多 15 分钟）后再试。',
  expired: '会话已结束，请重新登录。', signedOut: '您已退出登录。',
};
