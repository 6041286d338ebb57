import { defineAddOn, definePlan, defineProduct } from '../../server/catalog/define-catalog';
import { SYSTEM_ACTOR } from '../../server/audit/actor';
import { addOnInput, planInput, productInput } from '../../server/catalog/schema';
import { defineCoupon } from '../../server/discounts/coupons';
import { defineCouponInput } from '../../server/discounts/schema';

/** The platform's catalog (parsed here, as a transport would, then defined by the domain functions): an identity platform billing API calls, users, MFA, storage and bandwidth. */
export async function seedCatalog() {
  const category = { id: 'cat_identity', name: 'Identity platform', nameZh: '身份认证平台' };
  await defineProduct(productInput.parse({
    category,
    spu: { id: 'spu_auth', name: 'Authentication', nameZh: '认证服务' },
    skus: [
      { id: 'sku_api_calls', name: 'API calls', nameZh: 'API 调用', resourceType: 'api_calls', billingItemPropertyName: 'api_calls', unitName: '次', meterKind: 'counter', prices: { CNY: '0.0002', USD: '0.00003' } },
      { id: 'sku_active_users', name: 'Monthly active users', nameZh: '月活跃用户', resourceType: 'active_users', billingItemPropertyName: 'active_users', unitName: '用户', meterKind: 'gauge', prices: { CNY: '0.05', USD: '0.007' } },
      { id: 'sku_mfa', name: 'MFA verifications', nameZh: 'MFA 验证', resourceType: 'mfa_verifications', billingItemPropertyName: 'mfa_verifications', unitName: '次', meterKind: 'counter', prices: { CNY: '0.03', USD: '0.004' } },
    ],
  }), SYSTEM_ACTOR);
  await defineProduct(productInput.parse({
    category,
    spu: { id: 'spu_data', name: 'Data services', nameZh: '数据服务' },
    skus: [
      { id: 'sku_storage', name: 'Storage', nameZh: '存储空间', resourceType: 'storage_gb', billingItemPropertyName: 'storage_gb', unitName: 'GB', meterKind: 'gauge', prices: { CNY: '0.12', USD: '0.02' } },
      { id: 'sku_bandwidth', name: 'Bandwidth', nameZh: '流量', resourceType: 'bandwidth_gb', billingItemPropertyName: 'bandwidth_gb', unitName: 'GB', meterKind: 'counter', prices: { CNY: '0.5', USD: '0.08' } },
    ],
  }), SYSTEM_ACTOR);
  await defineProduct(productInput.parse({
    category,
    spu: { id: 'spu_subscription', name: 'Subscriptions', nameZh: '订阅服务' },
    skus: [
      { id: 'sku_subscription', name: 'Plan subscription', nameZh: '套餐订阅', resourceType: 'subscription', billingItemPropertyName: 'subscription', unitName: '月', meterKind: 'counter', prices: { CNY: '0', USD: '0' } },
      { id: 'sku_addon', name: 'Add-on service', nameZh: '附加服务', resourceType: 'addon', billingItemPropertyName: 'addon', unitName: '月', meterKind: 'counter', prices: { CNY: '0', USD: '0' } },
    ],
  }), SYSTEM_ACTOR);

  await defineAddOn(addOnInput.parse({ code: 'advanced_mfa', name: 'Advanced MFA', nameZh: '高级多因素认证', prices: { CNY: '199', USD: '29' } }), SYSTEM_ACTOR);
  await defineAddOn(addOnInput.parse({ code: 'audit_retention', name: 'Audit log retention (1 year)', nameZh: '审计日志保留（一年）', prices: { CNY: '99', USD: '15' } }), SYSTEM_ACTOR);
  await defineAddOn(addOnInput.parse({ code: 'premium_support', name: 'Premium support', nameZh: '高级技术支持', prices: { CNY: '999', USD: '149' } }), SYSTEM_ACTOR);

  const entitlements = (apiCalls: string, users: string, mfa: string, storage: string, bandwidth: string) => [
    { resourceType: 'api_calls', includedUnits: apiCalls, quotaLimit: String(BigInt(apiCalls) * 10n) },
    { resourceType: 'active_users', includedUnits: users, quotaLimit: String(BigInt(users) * 5n), gaugeBilling: 'peak' as const },
    { resourceType: 'mfa_verifications', includedUnits: mfa },
    { resourceType: 'storage_gb', includedUnits: storage, gaugeBilling: 'average' as const },
    { resourceType: 'bandwidth_gb', includedUnits: bandwidth },
  ];
  await definePlan(planInput.parse({
    code: 'free', name: 'Free', nameZh: '免费版', subtitle: 'For side projects', subtitleZh: '适合个人项目',
    description: 'Up to 1,000 monthly active users.', descriptionZh: '最多 1,000 名月活跃用户。',
    planType: 'free', tenantType: 'freemium', rank: 0, gracePeriodDays: 0, prices: { CNY: '0', USD: '0' },
    objectLimits: { api_keys: { maximum: 2 }, apps: { maximum: 1 } },
    entitlements: entitlements('100000', '1000', '500', '1', '5'), addOns: [],
  }), SYSTEM_ACTOR);
  await definePlan(planInput.parse({
    code: 'starter', name: 'Starter', nameZh: '入门版', subtitle: 'For growing products', subtitleZh: '适合成长中的产品',
    description: 'Email support, 5 apps.', descriptionZh: '邮件支持，最多 5 个应用。',
    planType: 'individual', tenantType: 'freemium', rank: 10, prices: { CNY: '99', USD: '15' },
    objectLimits: { api_keys: { maximum: 10 }, apps: { maximum: 5 } },
    entitlements: entitlements('1000000', '5000', '5000', '10', '50'),
    addOns: [{ code: 'advanced_mfa', included: false }, { code: 'audit_retention', included: false }],
  }), SYSTEM_ACTOR);
  await definePlan(planInput.parse({
    code: 'pro', name: 'Pro', nameZh: '专业版', subtitle: 'For teams in production', subtitleZh: '适合生产环境的团队',
    description: 'SSO, audit logs and priority support.', descriptionZh: '单点登录、审计日志与优先支持。',
    planType: 'team', tenantType: 'freemium', rank: 20, trialDays: 14, prices: { CNY: '499', USD: '79' },
    objectLimits: { api_keys: { maximum: 50 }, apps: { maximum: 20 } },
    entitlements: entitlements('10000000', '50000', '50000', '100', '500'),
    addOns: [{ code: 'advanced_mfa', included: true }, { code: 'audit_retention', included: false }, { code: 'premium_support', included: false }],
  }), SYSTEM_ACTOR);
  await definePlan(planInput.parse({
    code: 'enterprise', name: 'Enterprise', nameZh: '企业版', subtitle: 'Custom terms and a named engineer', subtitleZh: '定制条款与专属工程师',
    description: 'Everything in Pro, with a 99.95 % SLA.', descriptionZh: '包含专业版全部功能，99.95% SLA。',
    planType: 'organization', tenantType: 'enterprise', rank: 30, requiresManualApproval: true, transitionMethod: 'support',
    prices: { CNY: '4999', USD: '799' }, objectLimits: { api_keys: { maximum: 500 }, apps: { maximum: 200 } },
    entitlements: entitlements('100000000', '500000', '500000', '1000', '5000'),
    addOns: [{ code: 'advanced_mfa', included: true }, { code: 'audit_retention', included: true }, { code: 'premium_support', included: true }],
  }), SYSTEM_ACTOR);

  // Coupons staff can grant (percent off usage after included units, from the day granted).
  await defineCoupon(defineCouponInput.parse({ code: 'BANDWIDTH10', title: '10% off bandwidth', titleZh: '流量九折', percentOff: '10', resourceType: 'bandwidth_gb', durationMonths: 3 }), SYSTEM_ACTOR);
  await defineCoupon(defineCouponInput.parse({ code: 'WELCOME5', title: '5% off all usage', titleZh: '全部用量九五折', percentOff: '5', durationMonths: 2 }), SYSTEM_ACTOR);
}
