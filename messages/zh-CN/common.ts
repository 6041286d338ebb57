export const common = {
  loading: '加载中…', retry: '重试', error: '出错了', signOut: '退出登录', language: '语言',
  previous: '上一页', next: '下一页', pageOf: (page: number, count: number) => `第 ${page} / ${count} 页`, cancel: '取消', close: '关闭',
  copy: '复制', copied: '已复制', yes: '是', no: '否', never: '从未', search: '搜索',
};
