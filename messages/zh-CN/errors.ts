export const errors = { notFound: '未找到', notFoundHint: '页面不存在，或您没有访问权限。', back: '返回首页' };
