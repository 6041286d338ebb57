/** The public API reference page (app/docs/api) and the links to it. */
export const docs = {
  link: 'API 参考',
  title: 'Counterfoil REST API 参考',
  intro: '租户系统与内部服务可调用的 REST 接口：认证方式、幂等键、限流与各接口的错误格式，以及每个操作的请求和响应示例。本页公开，不含任何租户数据。',
  openApiJson: 'OpenAPI 文档（JSON）',
  backToPortal: '返回门户',
};
