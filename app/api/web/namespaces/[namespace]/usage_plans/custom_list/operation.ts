import { tenantOperation } from '@/server/rest/operations';
import { f5Envelope } from '@/server/rest/envelopes';
import { listUsagePlansRsp, noQuery } from '@/server/catalog/schema';
import { examplePlan } from '../current/operation';

/** F5 ListUsagePlans, declared once: the guard, the OpenAPI document and the tests read it. */
export const operation = tenantOperation({
  method: 'get',
  path: '/api/web/namespaces/{namespace}/usage_plans/custom_list',
  operationId: 'ListUsagePlans',
  seed: '003',
  summary: 'Every usage plan, once per locale, priced in the caller\'s currency (namespace must be "system").',
  scope: 'read',
  namespaceParam: 'namespace',
  query: noQuery,
  response: listUsagePlansRsp,
  envelope: f5Envelope,
  example: {
    params: { namespace: 'system' },
    response: { usage_plans: [
      { locale: 'en-us', plans: [examplePlan] },
      { locale: 'zh-cn', plans: [{ ...examplePlan, title: '专业版', subtitle: '适合生产环境的团队', description: '单点登录、审计日志与优先支持。',
        included_addon_services: [{ name: 'advanced_mfa', display_name: '高级多因素认证' }],
        allowed_addon_services: [{ name: 'audit_retention', display_name: '审计日志保留（一年）' }, { name: 'premium_support', display_name: '高级技术支持' }] }] },
    ] },
  },
});
