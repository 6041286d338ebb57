import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prisma } from '../../server/db';
import { advanceClock, now, setClock, useSystemClock } from '../../server/clock';
import { SYSTEM_ACTOR } from '../../server/audit/actor';
import { fromLocal, toLocal } from '../../server/time/zoned';
import { startSubscription } from '../../server/subscriptions/start-subscription';
import { renewDueSubscriptions } from '../../server/subscriptions/renew-subscriptions';
import { grantCredit } from '../../server/credits/grant-credit';
import { grantCreditInput } from '../../server/credits/schema';
import { createServiceCredential } from '../../server/staff/service-credentials';
import { dataDir } from '../../server/platform/runtime-config';
import { seedCatalog } from './catalog';
import { DEMO_PASSWORD, seedApiKey, seedTenant, seedUser } from './factories';

const HISTORY_MONTHS = 3;
const DAY_MS = 86_400_000;

/** The first day of the month HISTORY_MONTHS before today, Shanghai time: where the replay starts. */
function historyStart(today: Date): Date {
  const local = toLocal(today, 'Asia/Shanghai');
  const index = local.year * 12 + local.month - 1 - HISTORY_MONTHS;
  return fromLocal({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1, hour: 9 }, 'Asia/Shanghai');
}

/** Runs the production jobs once per simulated day until the simulated clock reaches `until`. */
async function replayUntil(until: Date) {
  while (now().getTime() + DAY_MS <= until.getTime()) {
    advanceClock(DAY_MS);
    await renewDueSubscriptions();
  }
}

export async function seedDemo() {
  const realNow = now();
  setClock(historyStart(realNow));
  try {
    await seedCatalog();
    const staff = {
      support: await seedUser('support@counterfoil.dev', '支持 Support', { staffRole: 'support' }),
      finance: await seedUser('finance@counterfoil.dev', '财务 Finance', { staffRole: 'finance' }),
      admin: await seedUser('admin@counterfoil.dev', '管理员 Admin', { staffRole: 'admin' }),
    };
    const demo = await seedTenant({ id: 'tnt_demo', name: '演示科技有限公司', currency: 'CNY', locale: 'zh-CN', domain: 'demo.counterfoil.dev', apps: ['官网', '移动应用'], namespaces: ['web', 'mobile'] });
    const acme = await seedTenant({ id: 'tnt_acme', name: 'Acme Corp', currency: 'USD', locale: 'en', domain: 'acme.counterfoil.dev', apps: ['Storefront'], namespaces: ['prod', 'staging'] });
    const finance = { ...SYSTEM_ACTOR, kind: 'staff' as const, userId: staff.finance.id };
    await grantCredit({ tenantId: demo.tenant.id, ...grantCreditInput.parse({ amount: '1200', source: 'promotion', remark: '新用户赠送额度' }) }, finance);
    await grantCredit({ tenantId: acme.tenant.id, ...grantCreditInput.parse({ amount: '50', source: 'promotion', remark: 'Welcome credit' }) }, finance);
    await startSubscription({ tenantId: demo.tenant.id, planCode: 'pro', adminUserId: demo.users.owner.id }, demo.ownerActor);
    await startSubscription({ tenantId: acme.tenant.id, planCode: 'starter', adminUserId: acme.users.owner.id }, acme.ownerActor);
    await replayUntil(realNow);

    useSystemClock();
    const keys = { tnt_demo: (await seedApiKey(demo)).key, tnt_acme: (await seedApiKey(acme)).key };
    const compliance = await createServiceCredential({ name: 'compliance-service', scopes: ['export:user-data'] }, { ...SYSTEM_ACTOR, kind: 'staff', userId: staff.admin.id });
    const credentialsFile = join(dataDir(), 'demo-credentials.json');
    mkdirSync(dirname(credentialsFile), { recursive: true });
    const accounts = [demo, acme].flatMap((t) => Object.entries(t.users).map(([role, user]) => ({ tenant: t.tenant.id, role, email: user.email })));
    writeFileSync(credentialsFile, JSON.stringify({
      note: 'Demo credentials only. Never use these outside a local demo.',
      password: DEMO_PASSWORD,
      accounts: [...accounts, ...Object.entries(staff).map(([role, user]) => ({ tenant: null, role: `staff:${role}`, email: user.email }))],
      apiKeys: keys,
      serviceCredentials: { 'compliance-service': compliance.token },
    }, null, 2), { mode: 0o600 });
    return { accounts, staff, credentialsFile };
  } finally {
    useSystemClock();
  }
}

export async function databaseIsEmpty(): Promise<boolean> {
  return (await prisma.tenant.count()) === 0;
}
